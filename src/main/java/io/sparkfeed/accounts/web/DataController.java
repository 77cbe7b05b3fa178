package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.AccountRejectedException;
import io.sparkfeed.accounts.DataExports;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.RateLimited;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Your data" at {@code /me/data}: ask for an export, watch it being built (the page polls itself with htmx while it
 * is; without JavaScript, reloading shows the same), and download it for seven days. Only its owner can.
 */
@Controller
class DataController {

    private final DataExports exports;

    DataController(DataExports exports) {
        this.exports = exports;
    }

    @GetMapping("/me/data")
    String show(
            @AuthenticationPrincipal AccountPrincipal me,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("export", exports.latest(me.id()).orElse(null));
        return htmx != null ? "accounts/data :: export" : "accounts/data";
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
