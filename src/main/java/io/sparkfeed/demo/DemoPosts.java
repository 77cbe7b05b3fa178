package io.sparkfeed.demo;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.demo.DemoCatalog.Item;
import io.sparkfeed.demo.DemoPictures.Placed;
import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** About thirty demo posts by the enthusiasts and Prime members, with tags, hashtags, smiles and comments. */
@Component
@Order(30)
class DemoPosts implements DemoStep {

    private static final String[] AUTHORS = {"maya", "leo", "priya", "maya", "leo", "admin"};
    private static final Color[] WALLS = {
        new Color(0xf6efe6),
        new Color(0xe8eef1),
        new Color(0xf1ebf5),
        new Color(0xeef3ea),
        new Color(0xfaf0e6),
        new Color(0xe9ecef)
    };
    private static final Color[] TABLES = {
        new Color(0x9c6b4e),
        new Color(0xc8a97e),
        new Color(0x6d4c41),
        new Color(0xb0a18f),
        new Color(0x8d6e63),
        new Color(0xd7ccc8)
    };
    private static final String[] CAPTIONS = {
        "Morning ritual, finally sorted. #coffee #slowliving",
        "This has been on my desk every day for a year and I still love it. #desksetup #workfromhome",
        "Weekend hike kit: light, tough, nothing I don't need. #outdoors #hiking",
        "New leaf! Three months in and thriving. #plants #homedecor",
        "Deep work mode. #focus #tech",
        "Sunday cooking, with the books that taught me. #cooking #weekend",
        "Five runs a week in these and my knees are happy. #running #fitness",
        "Cosy corner for the long evenings. #hygge #homedecor",
        "Salad season all year round. #cooking #healthy",
        "Film is back and it is so much fun. #photography #film",
        "Packed for three days with one bag. #travel #onebag",
        "A gift that gets used every single day. #gifts #everydaycarry"
    };

    private final Posts posts;
    private final Reactions reactions;
    private final Accounts accounts;
    private final Catalog catalog;

    DemoPosts(Posts posts, Reactions reactions, Accounts accounts, Catalog catalog) {
        this.posts = posts;
        this.reactions = reactions;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "posts";
    }

    @Override
    public void run() {
        Map<String, ProductCard> products = catalog.find("", 100).stream()
                .collect(Collectors.toMap(ProductCard::title, Function.identity(), (a, b) -> a));
        List<Item> items = DemoCatalog.ITEMS;
        Instant now = Instant.now();
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String handle = AUTHORS[i % AUTHORS.length];
            long author = accounts.findByHandle(handle).orElseThrow().id();
            int count = 1 + (i % 3);
            List<Placed> placed = new ArrayList<>();
            List<PostContent.Tag> tags = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                Item item = items.get((i * 5 + k * 7) % items.size());
                double x = count == 1 ? 0.5 : 0.22 + k * (0.56 / (count - 1));
                double y = 0.52 + (k % 2) * 0.1;
                placed.add(new Placed(item.shape(), item.color(), x, y, count == 1 ? 1.6 : 1.05));
                ProductCard product = products.get(item.title());
                if (product != null && tags.stream().noneMatch(t -> t.productId() == product.id())) {
                    tags.add(new PostContent.Tag(
                            product.id(),
                            BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_UP),
                            BigDecimal.valueOf(y - 0.05).setScale(4, RoundingMode.HALF_UP)));
                }
            }
            BufferedImage picture =
                    DemoPictures.scene(placed, WALLS[i % WALLS.length], TABLES[(i / 2) % TABLES.length]);
            Disclosure disclosure = i == 4 ? Disclosure.PAID : i == 11 || i == 23 ? Disclosure.GIFTED : Disclosure.NONE;
            String alt = "A still life of "
                    + placed.stream().map(p -> p.shape().name().toLowerCase()).collect(Collectors.joining(", "))
                    + " on a table";
            List<Integer> interests = placed.stream()
                    .map(p -> interestOf(p.shape()))
                    .distinct()
                    .limit(3)
                    .toList();
            long id = posts.publish(
                    author,
                    new PostContent(
                            alt,
                            CAPTIONS[i % CAPTIONS.length],
                            disclosure,
                            disclosure == Disclosure.NONE ? null : "Northwind Outfitters",
                            tags,
                            interests),
                    jpeg(picture));
            // spread the posts over the last weeks, newest last
            Instant created = now.minus(Duration.ofHours((30L - i) * 17 + (i % 4) * 3));
            posts.backdate(id, created);
            published.add(id);
        }
        smilesAndComments(published);
    }

    private void smilesAndComments(List<Long> ids) {
        String[] fans = {"priya", "tom", "maya", "leo", "admin"};
        String[] remarks = {
            "Love this!",
            "Where did you find the lamp?",
            "Adding this to my list.",
            "Such a calm photo.",
            "I have the same one, it lasts forever."
        };
        for (int i = 0; i < ids.size(); i++) {
            for (int f = 0; f < fans.length; f++) {
                if ((i + f) % 3 != 0) {
                    long fan = accounts.findByHandle(fans[f]).orElseThrow().id();
                    reactions.smile(fan, ids.get(i));
                }
            }
            if (i % 2 == 0) {
                long commenter = accounts.findByHandle(fans[i % fans.length])
                        .orElseThrow()
                        .id();
                reactions.comment(commenter, ids.get(i), remarks[i % remarks.length]);
            }
        }
    }

    /** The interest (see V30 migration) a demo object belongs to. */
    private static int interestOf(DemoPictures.Shape shape) {
        switch (shape) {
            case MUG:
                return 16;
            case LAMP:
            case PLANT:
            case CANDLE:
                return 2;
            case BOTTLE:
            case BACKPACK:
                return 4;
            case HEADPHONES:
                return 5;
            case WATCH:
                return 1;
            case BOOKS:
                return 10;
            case SNEAKER:
                return 7;
            case BOWL:
                return 3;
            case CAMERA:
                return 17;
            default:
                return 20;
        }
    }

    static byte[] jpeg(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
