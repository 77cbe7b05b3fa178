package io.sparkfeed.moderation.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.moderation.ReportReason;
import io.sparkfeed.moderation.ReportTarget;
import io.sparkfeed.moderation.Reports;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.RateLimited;
import io.sparkfeed.platform.UserFacingException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The report form for a post, a comment or an account, and the reporter's own reports with their outcome. */
@Controller
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/report")
    String form(@RequestParam ReportTarget type, @RequestParam long id, Model model) {
        return page(model, type, id, null, "", null);
    }

    @RateLimited(Limit.REPORT)
    @PostMapping("/report")
    String file(
            @AuthenticationPrincipal AccountPrincipal me,
            @RequestParam ReportTarget type,
            @RequestParam long id,
            @RequestParam(required = false) ReportReason reason,
            @RequestParam(defaultValue = "") String details,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            reports.file(me.id(), type, id, reason, details);
        } catch (UserFacingException refused) {
            response.setStatus(422);
            return page(model, type, id, reason, details, refused.messageKey());
        }
        redirect.addFlashAttribute("notice", "report.filed");
        return "redirect:/me/reports";
    }

    @GetMapping("/me/reports")
    String mine(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("reports", reports.mine(me.id()));
        return "moderation/my-reports";
    }

    private String page(Model model, ReportTarget type, long id, ReportReason reason, String details, String problem) {
        model.addAttribute("subject", reports.subject(type, id));
        model.addAttribute("reasons", List.of(ReportReason.values()));
        model.addAttribute("chosen", reason);
        model.addAttribute("details", details);
        model.addAttribute("reportProblem", problem);
        return "moderation/report";
    }
}
