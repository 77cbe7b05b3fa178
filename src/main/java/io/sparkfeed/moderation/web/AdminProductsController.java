package io.sparkfeed.moderation.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductDraft;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.media.ImageUpload;
import io.sparkfeed.media.Images;
import io.sparkfeed.media.ImagesBusyException;
import io.sparkfeed.moderation.CatalogAdmin;
import io.sparkfeed.platform.AdminActions;
import io.sparkfeed.platform.StrictNumbers;
import io.sparkfeed.platform.UserFacingException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalog for admins: every product, and a form to create or edit one with its photo. */
@Controller
@RequestMapping("/admin/products")
@PreAuthorize("hasRole('ADMIN')")
class AdminProductsController {

    private final Catalog catalog;
    private final CatalogAdmin admin;
    private final Images images;

    AdminProductsController(Catalog catalog, CatalogAdmin admin, Images images) {
        this.catalog = catalog;
        this.admin = admin;
        this.images = images;
    }

    /** The product form; numbers stay text so that a typo is shown back, not a 400. */
    record ProductForm(
            String title,
            String brand,
            String price,
            String currency,
            String description,
            String category,
            String stock,
            Boolean active,
            String reason) {

        static ProductForm empty() {
            return new ProductForm("", "", "", "USD", "", "", "0", true, "");
        }

        static ProductForm of(ProductView p) {
            return new ProductForm(
                    p.title(),
                    p.brand(),
                    p.price().toPlainString(),
                    p.currency(),
                    p.description(),
                    p.category(),
                    String.valueOf(p.stock()),
                    p.active(),
                    "");
        }

        ProductDraft draft() {
            // as many digits as the price column holds (numeric(12,2)); a stock up to a billion
            BigDecimal amount = StrictNumbers.parseDecimal(price == null ? "" : price.strip(), 10, 2)
                    .orElseThrow(() -> new UserFacingException("admin.products.price.invalid"));
            int count = StrictNumbers.parseInt(stock == null ? "" : stock.strip())
                    .orElseThrow(() -> new UserFacingException("admin.products.stock.invalid"));
            // an unticked checkbox sends nothing
            return new ProductDraft(
                    title,
                    brand,
                    amount,
                    currency,
                    description,
                    category,
                    count,
                    Boolean.TRUE.equals(active),
                    List.of());
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("products", catalog.all());
        return "admin/products";
    }

    @GetMapping("/new")
    String newProduct(Model model) {
        return form(model, null, ProductForm.empty(), null);
    }

    /**
     * The form posts to {@code /new}, where a refused create is shown again: that address also answers a GET, so an
     * upload over the limit sent back there finds the form.
     */
    @PostMapping({"", "/new"})
    String create(
            @AuthenticationPrincipal AccountPrincipal me,
            @ModelAttribute("form") ProductForm form,
            @RequestParam(name = "photo", required = false) MultipartFile photo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        try (ImageUpload upload = receive(photo)) {
            long id = admin.create(me.id(), form.draft(), upload);
            redirect.addFlashAttribute("notice", "admin.products.created");
            return "redirect:/admin/products/" + id + "/edit";
        } catch (UserFacingException refused) {
            return refused(model, response, null, form, refused);
        }
    }

    /** {@code /{id}} too: a refused save shows the form at that address, and an upload over the limit goes back there. */
    @GetMapping({"/{id}/edit", "/{id}"})
    String edit(@PathVariable long id, Model model) {
        ProductView product = catalog.get(id);
        return form(model, product, ProductForm.of(product), null);
    }

    @PostMapping("/{id}")
    String update(
            @AuthenticationPrincipal AccountPrincipal me,
            @PathVariable long id,
            @ModelAttribute("form") ProductForm form,
            @RequestParam(name = "photo", required = false) MultipartFile photo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        ProductView product = catalog.get(id);
        try {
            String problem = AdminActions.problem(form.reason());
            if (problem != null) {
                throw new UserFacingException(problem);
            }
            try (ImageUpload upload = receive(photo)) {
                admin.update(me.id(), id, form.draft(), upload, form.reason().strip());
            }
            redirect.addFlashAttribute("notice", "admin.products.saved");
            return "redirect:/admin/products/" + id + "/edit";
        } catch (UserFacingException refused) {
            return refused(model, response, product, form, refused);
        }
    }

    /** The photo streamed into a temporary file (deleted when closed); null when none was chosen. */
    private ImageUpload receive(MultipartFile photo) throws IOException {
        return photo == null || photo.isEmpty() ? null : images.receive(photo.getInputStream());
    }

    private String refused(
            Model model,
            HttpServletResponse response,
            ProductView product,
            ProductForm form,
            UserFacingException refused) {
        if (refused instanceof ImagesBusyException busy) {
            busy.answer(response);
        } else {
            response.setStatus(422);
        }
        return form(model, product, form, refused);
    }

    private String form(Model model, ProductView product, ProductForm form, UserFacingException problem) {
        model.addAttribute("product", product);
        model.addAttribute("form", form);
        model.addAttribute("formProblem", problem);
        return "admin/product-form";
    }
}
