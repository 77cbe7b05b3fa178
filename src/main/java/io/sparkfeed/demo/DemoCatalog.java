package io.sparkfeed.demo;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductDraft;
import io.sparkfeed.demo.DemoPictures.Shape;
import io.sparkfeed.media.Images;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Twelve demo products, each with a drawn photo. */
@Component
@Order(20)
class DemoCatalog implements DemoStep {

    record Item(
            String title,
            String brand,
            String price,
            String category,
            int stock,
            Shape shape,
            Color color,
            Color background,
            String description) {}

    static final List<Item> ITEMS = List.of(
            new Item(
                    "Stoneware mug, 350 ml",
                    "Hearth & Kiln",
                    "24.00",
                    "Home",
                    40,
                    Shape.MUG,
                    new Color(0x4f7c82),
                    new Color(0xf3ede4),
                    "Hand-glazed stoneware that keeps coffee warm. Dishwasher safe."),
            new Item(
                    "Brass desk lamp",
                    "Lumen Row",
                    "129.00",
                    "Home",
                    12,
                    Shape.LAMP,
                    new Color(0xc9a227),
                    new Color(0xe9eef2),
                    "A warm, dimmable desk lamp with a solid brass shade."),
            new Item(
                    "Insulated water bottle",
                    "Northwind Outfitters",
                    "32.50",
                    "Outdoors",
                    60,
                    Shape.BOTTLE,
                    new Color(0x2f6f4f),
                    new Color(0xe8f1ec),
                    "Keeps drinks cold for 24 hours, hot for 12."),
            new Item(
                    "Monstera in a terracotta pot",
                    "Green Corner",
                    "45.00",
                    "Home",
                    15,
                    Shape.PLANT,
                    new Color(0xc0633a),
                    new Color(0xf4efe6),
                    "An easy-going monstera, 40 cm, in a 14 cm pot."),
            new Item(
                    "Wireless headphones",
                    "Quiet Audio",
                    "199.00",
                    "Tech",
                    25,
                    Shape.HEADPHONES,
                    new Color(0x2b2d42),
                    new Color(0xedf2f4),
                    "Noise cancelling, 30 hours of battery."),
            new Item(
                    "Field watch, 38 mm",
                    "Tempo & Co",
                    "149.00",
                    "Style",
                    18,
                    Shape.WATCH,
                    new Color(0x8d6e63),
                    new Color(0xf5f0eb),
                    "A sturdy, readable field watch with a leather strap."),
            new Item(
                    "Cookbook trio",
                    "Paper Kitchen",
                    "58.00",
                    "Books",
                    30,
                    Shape.BOOKS,
                    new Color(0xb5485d),
                    new Color(0xfbf3e9),
                    "Three cookbooks for weeknights, weekends and baking."),
            new Item(
                    "Everyday running shoes",
                    "Stride Lab",
                    "110.00",
                    "Fitness",
                    35,
                    Shape.SNEAKER,
                    new Color(0xe4572e),
                    new Color(0xeef0f2),
                    "Light, cushioned shoes for daily runs."),
            new Item(
                    "Roll-top backpack, 22 l",
                    "Northwind Outfitters",
                    "89.00",
                    "Outdoors",
                    20,
                    Shape.BACKPACK,
                    new Color(0x3d5a80),
                    new Color(0xe0fbfc),
                    "Waterproof roll-top backpack with a laptop sleeve."),
            new Item(
                    "Soy candle, fig & cedar",
                    "Hearth & Kiln",
                    "22.00",
                    "Home",
                    50,
                    Shape.CANDLE,
                    new Color(0xf2e9e4),
                    new Color(0xd8c3a5),
                    "40 hours of slow, clean burn."),
            new Item(
                    "Ceramic salad bowl",
                    "Hearth & Kiln",
                    "38.00",
                    "Cooking",
                    22,
                    Shape.BOWL,
                    new Color(0x6a994e),
                    new Color(0xf2e8cf),
                    "A wide bowl for salads and sharing plates."),
            new Item(
                    "Compact film camera",
                    "Grain Optics",
                    "79.00",
                    "Tech",
                    10,
                    Shape.CAMERA,
                    new Color(0x9a8c98),
                    new Color(0xf2e9e4),
                    "A simple 35 mm point-and-shoot for everyday snapshots."));

    private final Catalog catalog;
    private final Images images;

    DemoCatalog(Catalog catalog, Images images) {
        this.catalog = catalog;
        this.images = images;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public void run() {
        for (Item item : ITEMS) {
            String key = images.storeGenerated(DemoPictures.product(item.shape(), item.color(), item.background()))
                    .key();
            catalog.create(
                    null,
                    new ProductDraft(
                            item.title(),
                            item.brand(),
                            new BigDecimal(item.price()),
                            "USD",
                            item.description(),
                            item.category(),
                            item.stock(),
                            true,
                            List.of(key)));
        }
    }
}
