package io.sparkfeed.platform.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's start page: links to each area an admin runs. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminHomeController {

    @GetMapping("/admin")
    String home() {
        return "admin/index";
    }
}
