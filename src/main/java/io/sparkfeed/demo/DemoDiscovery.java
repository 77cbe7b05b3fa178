package io.sparkfeed.demo;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.Follows;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.catalog.ProductDraft;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.demo.DemoCatalog.Item;
import io.sparkfeed.demo.DemoPictures.Placed;
import io.sparkfeed.media.StoredImage;
import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.PostCards;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.PostFilter;
import io.sparkfeed.posts.PostingPolicy;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.shop.Checkout;
import io.sparkfeed.shop.OrderStatus;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.shop.PostStats;
import io.sparkfeed.shop.Purchase;
import io.sparkfeed.shop.ShippingAddress;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What makes discovery visible to someone logging in as a demo account: interests for every person, follows
 * between them, a few posts and product descriptions in French (so French search has something to find), and orders
 * bought through maya's and leo's posts, placed through the shop so that the authors get their notifications and
 * stats. priya bought everything one of maya's posts tags, so her For you leaves that post out. sam buys nothing
 * here: his 48.00 stays 2.00 short of the posting minimum; and as a non-member he follows nobody.
 */
@Component
@Order(40)
class DemoDiscovery implements DemoStep {

    /** Five interests (see the V30 migration) for each demo person. */
    private static final Map<String, List<Integer>> INTERESTS = Map.of(
            "admin", List.of(1, 2, 5, 12, 20),
            "maya", List.of(2, 3, 10, 16, 19),
            "leo", List.of(4, 5, 7, 12, 17),
            "priya", List.of(2, 3, 10, 15, 16),
            "tom", List.of(4, 5, 7, 11, 17),
            "sam", List.of(1, 2, 5, 12, 16));

    /** Who follows whom: follower, then followed. Following takes Prime, so sam (a non-member) follows nobody. */
    private static final String[][] FOLLOWS = {
        {"priya", "maya"},
        {"priya", "leo"},
        {"tom", "maya"},
        {"tom", "leo"},
        {"maya", "leo"},
        {"leo", "maya"},
        {"admin", "maya"}
    };

    /** French descriptions added to a few products, after the English one. */
    private static final Map<String, String> FRENCH = Map.of(
            "Insulated water bottle", "Gourde isotherme : vos boissons restent fraîches 24 heures, chaudes 12 heures.",
            "Everyday running shoes", "Chaussures de course légères et amorties, pour courir tous les jours.",
            "Brass desk lamp", "Lampe de bureau en laiton, à la lumière chaude et réglable.",
            "Stoneware mug, 350 ml", "Tasse en grès émaillée à la main, qui garde le café au chaud.");

    private record FrenchPost(String caption, int interest, String... products) {}

    private static final List<FrenchPost> FRENCH_POSTS = List.of(
            new FrenchPost(
                    "Ma chaussure préférée pour courir : légère, souple, et mes genoux disent merci. #course",
                    7,
                    "Everyday running shoes"),
            new FrenchPost(
                    "Un coin lecture tout doux : la lampe en laiton fait tout le décor. #maison",
                    2,
                    "Brass desk lamp",
                    "Soy candle, fig & cedar"),
            new FrenchPost(
                    "Café du matin dans ma tasse en grès préférée, avant que la maison se réveille. #café",
                    16,
                    "Stoneware mug, 350 ml"));

    private final Accounts accounts;
    private final Interests interests;
    private final Follows follows;
    private final Catalog catalog;
    private final Posts posts;
    private final Orders orders;
    private final PostCards cards;
    private final PostingPolicy policy;
    private final PostStats stats;

    DemoDiscovery(
            Accounts accounts,
            Interests interests,
            Follows follows,
            Catalog catalog,
            Posts posts,
            Orders orders,
            PostCards cards,
            PostingPolicy policy,
            PostStats stats) {
        this.policy = policy;
        this.stats = stats;
        this.accounts = accounts;
        this.interests = interests;
        this.follows = follows;
        this.catalog = catalog;
        this.posts = posts;
        this.orders = orders;
        this.cards = cards;
    }

    @Override
    public String name() {
        return "discovery";
    }

    @Override
    public void run() {
        INTERESTS.forEach((handle, picked) -> interests.choose(id(handle), picked, true));
        for (String[] pair : FOLLOWS) {
            // on a database seeded long ago tom's trial may have ended: skip rather than fail the start
            if (mayAct(pair[0])) {
                follows.follow(id(pair[0]), id(pair[1]));
            }
        }
        Map<String, ProductCard> products = catalog.find("", 100).stream()
                .collect(Collectors.toMap(ProductCard::title, Function.identity(), (a, b) -> a));
        long admin = id("admin");
        FRENCH.forEach((title, french) -> {
            ProductCard card = products.get(title);
            if (card != null) {
                ProductView p = catalog.get(card.id());
                catalog.update(
                        admin,
                        p.id(),
                        new ProductDraft(
                                p.title(),
                                p.brand(),
                                p.price(),
                                p.currency(),
                                p.description() + "\n" + french,
                                p.category(),
                                p.stock(),
                                p.active(),
                                p.images().stream().map(StoredImage::key).toList()),
                        "French description for the demo");
            }
        });
        if (policy.check(id("leo")).allowed()) {
            frenchPosts(products);
        }

        // priya bought everything maya's latest post tags: her For you leaves it out
        buyEverything("priya", recentPost("maya", 0), admin, products);
        buyEverything("admin", recentPost("maya", 1), admin, products);
        buyEverything("tom", recentPost("leo", 0), admin, products);
    }

    private void frenchPosts(Map<String, ProductCard> products) {
        long leo = id("leo");
        Instant now = Instant.now();
        for (int i = 0; i < FRENCH_POSTS.size(); i++) {
            FrenchPost post = FRENCH_POSTS.get(i);
            List<Placed> placed = new ArrayList<>();
            List<PostContent.Tag> tags = new ArrayList<>();
            for (int k = 0; k < post.products().length; k++) {
                String title = post.products()[k];
                ProductCard product = products.get(title);
                Item item = DemoCatalog.ITEMS.stream()
                        .filter(it -> it.title().equals(title))
                        .findFirst()
                        .orElseThrow();
                double x = post.products().length == 1 ? 0.5 : 0.3 + k * 0.4;
                placed.add(new Placed(item.shape(), item.color(), x, 0.55, post.products().length == 1 ? 1.6 : 1.1));
                if (product != null) {
                    tags.add(new PostContent.Tag(
                            product.id(), new BigDecimal(String.valueOf(x)), new BigDecimal("0.5")));
                }
            }
            byte[] photo = DemoPosts.jpeg(DemoPictures.scene(placed, new Color(0xf4ede4), new Color(0xa47551)));
            String alt = "Une nature morte : " + String.join(", ", post.products());
            long id = posts.publish(
                    leo,
                    new PostContent(alt, post.caption(), Disclosure.NONE, null, tags, List.of(post.interest())),
                    photo);
            Instant created = now.minus(Duration.ofHours(5L + 7L * i));
            posts.backdate(id, created);
        }
    }

    /** The author's newest visible post that tags products, or the one {@code skip} posts older. */
    private Optional<PostCard> recentPost(String handle, int skip) {
        return cards.page(new PostFilter.ByAuthor(id(handle)), null, 50, null).posts().stream()
                .filter(card -> !card.tags().isEmpty())
                .skip(skip)
                .findFirst();
    }

    /** Whether the account may follow: not suspended, Prime, not a brand. */
    private boolean mayAct(String handle) {
        return accounts.current(id(handle)).filter(a -> a.prime() && !a.brand()).isPresent();
    }

    /**
     * Buys every product the post tags, credited to the post, and has the order delivered; nothing when the buyer
     * is suspended or a product is no longer for sale (an old database may have changed since the demo was seeded).
     */
    private void buyEverything(String handle, Optional<PostCard> post, long admin, Map<String, ProductCard> active) {
        if (post.isEmpty() || accounts.current(id(handle)).isEmpty()) {
            return;
        }
        long postId = post.get().id();
        List<Long> tagged =
                post.get().tags().stream().map(tag -> tag.product().id()).toList();
        boolean available = tagged.stream()
                .allMatch(
                        product -> active.values().stream().anyMatch(card -> card.id() == product && card.stock() > 0));
        if (tagged.isEmpty() || !available) {
            return;
        }
        long buyer = id(handle);
        // the buyer opened each product's card on the photo first, as a real purchase from a post goes
        tagged.forEach(product -> stats.cardOpened(postId, product));
        String name = accounts.findByHandle(handle).orElseThrow().displayName();
        long order = orders.place(
                buyer,
                tagged.stream().map(product -> new Purchase(product, 1, postId)).toList(),
                new Checkout(
                        new ShippingAddress(name, "12 Demo Street", "", "Springfield", "12345", "United States"),
                        "invoice",
                        UUID.randomUUID().toString()));
        orders.advance(admin, order, OrderStatus.SHIPPED);
        orders.advance(admin, order, OrderStatus.DELIVERED);
    }

    private long id(String handle) {
        return accounts.findByHandle(handle).orElseThrow().id();
    }
}
