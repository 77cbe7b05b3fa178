package io.sparkfeed.feed.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page. */
@Controller
class FeedController {

    @GetMapping("/")
    String home() {
        return "feed/home";
    }
}
