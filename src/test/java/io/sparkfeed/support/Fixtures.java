package io.sparkfeed.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.accounts.NewAccount;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductDraft;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.media.ImageUpload;
import io.sparkfeed.media.Images;
import io.sparkfeed.moderation.CatalogAdmin;
import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.shop.Checkout;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.shop.Purchase;
import io.sparkfeed.shop.ShippingAddress;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Object mother for integration tests: accounts of every role, each with a unique handle, products, posts. */
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    /** How many products {@link #product(int)} offers: as many as a post may tag, and two more. */
    public static final int PRODUCTS = PostContent.MAX_TAGS + 2;

    private static final List<String> PRODUCT_WORDS = List.of(
            "mug",
            "lamp",
            "bottle",
            "plant",
            "headphones",
            "watch",
            "cookbook",
            "shoes",
            "backpack",
            "soap",
            "bowl",
            "camera");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Accounts accounts;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Posts posts;
    private final CatalogAdmin catalogAdmin;
    private final Images images;
    private final Orders orders;
    private final Catalog catalog;
    private final List<Long> products = new ArrayList<>();

    public Fixtures(
            Accounts accounts,
            UserDetailsService users,
            JdbcClient jdbc,
            Posts posts,
            CatalogAdmin catalogAdmin,
            Images images,
            Orders orders,
            Catalog catalog) {
        this.accounts = accounts;
        this.users = users;
        this.jdbc = jdbc;
        this.posts = posts;
        this.catalogAdmin = catalogAdmin;
        this.images = images;
        this.orders = orders;
        this.catalog = catalog;
    }

    /**
     * The n-th product (0 to {@value #PRODUCTS} - 1) of the tests' own catalog: an admin creates them with a photo
     * through the admin's catalog API on first use, once for the run, so no test needs the demo catalog.
     */
    public long product(int n) {
        return products().get(n);
    }

    private synchronized List<Long> products() {
        if (products.isEmpty()) {
            asAdmin(admin -> {
                for (int i = 0; i < PRODUCTS; i++) {
                    var draft = new ProductDraft(
                            "Fixture product " + PRODUCT_WORDS.get(i),
                            "Fixture brand",
                            new BigDecimal(20 + 5 * i).setScale(2),
                            "USD",
                            "A product the tests made themselves.",
                            "Home",
                            1_000,
                            true,
                            List.of());
                    try (ImageUpload photo = images.receive(new ByteArrayInputStream(jpeg(480, 480, -1 - i)))) {
                        products.add(catalogAdmin.create(admin.id(), draft, photo));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return null;
            });
        }
        return products;
    }

    /** A product of the test's own (its price and stock are the test's to change), made by an admin. */
    public long newProduct(String title, BigDecimal price, int stock) {
        var draft = new ProductDraft(
                title, "Fixture brand", price, "USD", "A product of one test.", "Home", stock, true, List.of());
        return asAdmin(admin -> catalogAdmin.create(admin.id(), draft, null));
    }

    /** An admin changes a product's price and stock through the admin's catalog API, as the form does. */
    public void reprice(long productId, BigDecimal price, int stock) {
        asAdmin(admin -> {
            ProductView p = catalog.get(productId);
            var draft = new ProductDraft(
                    p.title(),
                    p.brand(),
                    price,
                    p.currency(),
                    p.description(),
                    p.category(),
                    stock,
                    p.active(),
                    List.of());
            catalogAdmin.update(admin.id(), productId, draft, null, "a test reprices it");
            return null;
        });
    }

    private <T> T asAdmin(Function<TestAccount, T> action) {
        TestAccount admin = admin();
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext asAdmin = SecurityContextHolder.createEmptyContext();
        asAdmin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                admin.principal(), null, admin.principal().getAuthorities()));
        SecurityContextHolder.setContext(asAdmin);
        try {
            return action.apply(admin);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** Publishes a post by the author with a generated photo, tagging the products at spread-out points. */
    public long post(TestAccount author, String caption, long... productIds) {
        return postIn(1, author, caption, productIds);
    }

    /** Like {@link #post}, in the given interest (1 style, 2 home, 3 cooking, 4 outdoors, 5 tech, ...). */
    public long postIn(int interest, TestAccount author, String caption, long... productIds) {
        var tags = new ArrayList<PostContent.Tag>();
        for (int i = 0; i < productIds.length; i++) {
            tags.add(new PostContent.Tag(
                    productIds[i],
                    new BigDecimal("0.2").add(new BigDecimal("0.1").multiply(BigDecimal.valueOf(i))),
                    new BigDecimal("0.5")));
        }
        return posts.publish(
                author.id(),
                new PostContent("A test photo", caption, Disclosure.NONE, null, tags, List.of(interest)),
                jpeg(400, 500, SEQUENCE.incrementAndGet()));
    }

    /**
     * The new-post form as the author sends it from the browser: the photo, an alt text, the caption, no disclosure
     * and one interest (home).
     */
    public static MockMultipartHttpServletRequestBuilder newPostForm(TestAccount author, byte[] photo, String caption) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/posts")
                .file(new MockMultipartFile("photo", "photo.jpg", "image/jpeg", photo))
                .param("altText", "A photo")
                .param("caption", caption)
                .param("disclosure", "NONE")
                .param("interests", "2")
                .with(author.login())
                .with(csrf());
    }

    /** An order of one product, paid by invoice, shipped to a fixed address; {@code fromPost} gets the credit. */
    public long order(long buyerId, long productId, int quantity, Long fromPost) {
        return orders.place(
                buyerId,
                List.of(new Purchase(productId, quantity, fromPost)),
                new Checkout(
                        new ShippingAddress("Viewer", "1 Main St", "", "Lyon", "69001", "France"),
                        "invoice",
                        UUID.randomUUID().toString()));
    }

    /** A real JPEG of the given size, different for each seed (so each is a new image). */
    public static byte[] jpeg(int width, int height, int seed) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color((int) Math.floorMod(seed * 2654435761L, 0xffffffL)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record TestAccount(long id, String email, String handle, AccountPrincipal principal) {

        /** Signs MockMvc requests in as this account. */
        public RequestPostProcessor login() {
            return user(principal);
        }
    }

    public TestAccount person() {
        return create(AccountKind.PERSON);
    }

    public TestAccount brand() {
        TestAccount brand = create(AccountKind.BRAND);
        jdbc.sql("update accounts set kind = 'BRAND', brand_requested_at = null where id = ?") // verified
                .param(brand.id())
                .update();
        paidMembership(brand.id(), Duration.ofDays(365));
        return brand;
    }

    public TestAccount primeMember() {
        TestAccount member = person();
        paidMembership(member.id(), Duration.ofDays(365));
        return member;
    }

    public TestAccount trialMember() {
        TestAccount member = person();
        membership(
                member.id(),
                "TRIAL",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(29)));
        return member;
    }

    public TestAccount enthusiast() {
        TestAccount member = primeMember();
        accounts.changeEnthusiastStatus(member.id(), EnthusiastStatus.APPROVED);
        return reload(member);
    }

    public TestAccount admin() {
        TestAccount admin = person();
        accounts.makeAdmin(admin.id());
        return reload(admin);
    }

    public void paidMembership(long accountId, Duration length) {
        membership(
                accountId,
                "PAID",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(length));
    }

    public void membership(long accountId, String plan, Instant starts, Instant ends) {
        jdbc.sql("insert into memberships (account_id, plan, starts_at, ends_at) values (?, ?, ?, ?)")
                .params(accountId, plan, Timestamp.from(starts), Timestamp.from(ends))
                .update();
    }

    public String uniqueHandle() {
        return "t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    private TestAccount create(AccountKind kind) {
        String handle = uniqueHandle();
        String email = handle + "@example.test";
        long id = accounts.register(new NewAccount(email, handle, "Test " + handle, PASSWORD, kind, true));
        return new TestAccount(id, email, handle, (AccountPrincipal) users.loadUserByUsername(email));
    }

    private TestAccount reload(TestAccount account) {
        return new TestAccount(account.id(), account.email(), account.handle(), (AccountPrincipal)
                users.loadUserByUsername(account.email()));
    }
}
