package io.sparkfeed.mail.web;

import io.sparkfeed.mail.Outbox;
import io.sparkfeed.mail.OutboxEntry;
import io.sparkfeed.platform.NotFoundException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outbox for admins: every mail, newest first, with where it is (waiting, sent, or logged because no SMTP server
 * is configured). The text of a mail that never left can be read, so that on an instance without mail a newcomer
 * can still follow a link the application mailed; a sent mail's text belongs to its recipient.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminOutboxController {

    static final int PAGE = 50;

    private final Outbox outbox;

    AdminOutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/outbox")
    String list(@RequestParam(required = false) Long before, Model model) {
        List<OutboxEntry> mails = outbox.list(before, PAGE);
        model.addAttribute("mails", mails);
        model.addAttribute(
                "next", mails.size() == PAGE ? mails.get(mails.size() - 1).id() : null);
        return "admin/outbox";
    }

    @GetMapping("/admin/outbox/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("mail", outbox.get(id).orElseThrow(() -> new NotFoundException("mail " + id)));
        return "admin/outbox-mail";
    }
}
