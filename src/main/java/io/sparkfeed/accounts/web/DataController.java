package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountDeletions;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.AccountRejectedException;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.DataExports;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Your data" at {@code /me/data}: ask for an export, watch it being built (the page polls itself with htmx while it
 * is; without JavaScript, reloading shows the same), and download it for seven days. Only its owner can. And delete
 * one's account: confirmed with the password, after a grace period that logging in or the cancel button ends.
 */
@Controller
class DataController {

    private final DataExports exports;
    private final AccountDeletions deletions;
    private final Accounts accounts;
    private final SignIn signIn;

    DataController(DataExports exports, AccountDeletions deletions, Accounts accounts, SignIn signIn) {
        this.exports = exports;
        this.deletions = deletions;
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @GetMapping("/me/data")
    String show(
            @AuthenticationPrincipal AccountPrincipal me,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("export", exports.latest(me.id()).orElse(null));
        if (htmx != null) {
            return "accounts/data :: export";
        }
        return page(me, model);
    }

    /**
     * Schedules the deletion of one's account, confirmed with the password. It ends every session of the account, so
     * the person is signed in again here (a login would take the deletion back).
     */
    @RateLimited(Limit.ACCOUNT_DELETION)
    @PostMapping("/me/data/delete")
    String delete(
            @AuthenticationPrincipal AccountPrincipal me,
            @Valid @ModelAttribute("deleteForm") AccountForms.Delete form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (!errors.hasErrors()) {
                deletions.schedule(me.id(), form.current());
            }
        } catch (AccountRejectedException rejected) {
            errors.rejectValue(rejected.field(), rejected.messageKey());
        }
        if (errors.hasErrors()) {
            model.addAttribute("export", exports.latest(me.id()).orElse(null));
            return page(me, model);
        }
        signIn.signIn(accounts.email(me.id()), request, response);
        redirect.addFlashAttribute("notice", "deletion.scheduled");
        return "redirect:/me/data";
    }

    @RateLimited(Limit.ACCOUNT_DELETION)
    @PostMapping("/me/data/delete/cancel")
    String cancelDeletion(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        if (deletions.cancel(me.id())) {
            redirect.addFlashAttribute("notice", "deletion.cancelled");
        }
        return "redirect:/me/data";
    }

    private String page(AccountPrincipal me, Model model) {
        model.addAttribute("deletionDue", deletions.pending(me.id()).orElse(null));
        if (!model.containsAttribute("deleteForm")) {
            model.addAttribute("deleteForm", new AccountForms.Delete(""));
        }
        model.addAttribute("graceDays", AccountDeletions.GRACE.toDays());
        return "accounts/data";
    }

    @RateLimited(Limit.DATA_EXPORT)
    @PostMapping("/me/data/export")
    String request(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        try {
            exports.request(me.id());
            redirect.addFlashAttribute("notice", "data.export.requested");
        } catch (AccountRejectedException busy) {
            redirect.addFlashAttribute("notice", busy.messageKey());
        }
        return "redirect:/me/data";
    }

    @GetMapping("/me/data/export/{id}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id) {
        Path file = exports.file(me.id(), id).orElseThrow(() -> new NotFoundException("export " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("sparkfeed-data-" + id + ".zip")
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }
}
