package io.sparkfeed.moderation.web;

import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.audit.AuditRecord;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for admins, newest first, filtered by action and target type, keyset-paged by id. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminAuditController {

    static final int PAGE = 50;
    static final List<String> TARGET_TYPES = List.of("ACCOUNT", "POST", "COMMENT", "PRODUCT", "ORDER", "INVOICE");

    private final AuditLog audit;

    AdminAuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String targetType,
            @RequestParam(required = false) Long before,
            Model model) {
        List<AuditRecord> entries = audit.list(action, targetType, before, PAGE);
        model.addAttribute("entries", entries);
        model.addAttribute("actions", audit.actions());
        model.addAttribute("targetTypes", TARGET_TYPES);
        model.addAttribute("action", action);
        model.addAttribute("targetType", targetType);
        model.addAttribute(
                "next", entries.size() == PAGE ? entries.get(entries.size() - 1).id() : null);
        return "admin/audit";
    }
}
