package io.sparkfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.media.storage.ImageStorage;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Hostile and unusual files through the new-post form, all generated here: each refused one is a form error with
 * its reason (never a 5xx) and leaves no post, no image row, no derivative file and no temporary upload; each
 * accepted one is stored as clean JPEGs without the upload's metadata.
 */
class UploadCorpusTests extends IntegrationTest {

    private static final Path DATA = Path.of("target/test-data");

    @Autowired
    ImageStorage storage;

    @Autowired
    Images images;

    @Autowired
    MessageSource messages;

    private MockHttpServletResponse publish(TestAccount author, byte[] photo) throws Exception {
        return mvc.perform(Fixtures.newPostForm(author, photo, "corpus"))
                .andReturn()
                .getResponse();
    }

    private static long files(String folder) {
        Path dir = DATA.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyHostileFileIsAFormErrorThatLeavesNothingBehind() throws Exception {
        TestAccount author = fixtures.primeMember();
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(640, 480, 31_337));
        byte[] png = TestImages.png(TestImages.quadrants(300, 200, 31_338));
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        files.put("truncated JPEG", Arrays.copyOf(jpeg, jpeg.length / 2));
        reasons.put("truncated JPEG", "image.invalid.broken");
        files.put("truncated PNG", Arrays.copyOf(png, png.length / 2));
        reasons.put("truncated PNG", "image.invalid.broken");
        byte[] wrongMagic = jpeg.clone();
        wrongMagic[0] = 'G';
        wrongMagic[1] = 'I';
        wrongMagic[2] = 'F';
        files.put("wrong magic bytes", wrongMagic);
        reasons.put("wrong magic bytes", "image.invalid.type");
        files.put("JPEG that is also HTML", HostileImages.jpegWithHtml(jpeg));
        reasons.put("JPEG that is also HTML", "image.invalid.polyglot");
        files.put("JPEG that is also a ZIP", HostileImages.jpegWithZip(jpeg));
        reasons.put("JPEG that is also a ZIP", "image.invalid.polyglot");
        files.put("HTML with JPEG magic", HostileImages.htmlWithJpegMagic());
        reasons.put("HTML with JPEG magic", "image.invalid.polyglot");
        files.put("decompression bomb (20000x20000)", HostileImages.blackPng(20_000, 20_000, 1, true));
        reasons.put("decompression bomb (20000x20000)", "image.invalid.tooManyPixels");
        files.put("header claiming 40 MP without pixels", TestImages.pngHeader(8000, 5000));
        reasons.put("header claiming 40 MP without pixels", "image.invalid.broken");

        for (var file : files.entrySet()) {
            long posts = count("select count(*) from posts where author_id = ?", author.id());
            long rows = count("select count(*) from images");
            long derivatives = files("media");
            MockHttpServletResponse response = publish(author, file.getValue());
            assertThat(response.getStatus()).as(file.getKey()).isEqualTo(422);
            String key = reasons.get(file.getKey());
            Object[] limit = {key.endsWith("tooManyPixels") ? ImageDecoder.MAX_MEGAPIXELS : ImageDecoder.MAX_MEGABYTES};
            String reason = messages.getMessage(key, limit, Locale.ENGLISH);
            assertThat(response.getContentAsString()).as(file.getKey()).contains(reason.replace("'", "&#39;"));
            assertThat(count("select count(*) from posts where author_id = ?", author.id()))
                    .isEqualTo(posts);
            assertThat(count("select count(*) from images"))
                    .as(file.getKey() + ": no image row")
                    .isEqualTo(rows);
            assertThat(files("media"))
                    .as(file.getKey() + ": no derivative file")
                    .isEqualTo(derivatives);
            assertThat(files("uploads"))
                    .as(file.getKey() + ": no temporary upload")
                    .isZero();
        }
    }

    @Test
    void unusualButHonestPhotosAreStoredAsCleanJpegs() throws Exception {
        TestAccount author = fixtures.primeMember();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("16-bit 40 MP PNG", HostileImages.blackPng(8000, 5000, 16, false));
        files.put("CMYK JPEG", HostileImages.cmykJpeg(400, 300));
        files.put("animated WebP", HostileImages.animatedWebp());
        files.put("EXIF GPS", TestImages.withExif(TestImages.jpeg(TestImages.quadrants(800, 600, 31_339)), 1, true));
        for (var file : files.entrySet()) {
            MockHttpServletResponse response = publish(author, file.getValue());
            assertThat(response.getStatus()).as(file.getKey()).isEqualTo(302);
            long post = Long.parseLong(response.getRedirectedUrl().substring("/posts/".length()));
            String key = jdbc.sql("select image_key from posts where id = ?")
                    .param(post)
                    .query(String.class)
                    .single();
            StoredImage image = images.find(key).orElseThrow();
            for (int width : image.widths()) {
                byte[] derivative;
                try (InputStream in = storage.open(key, width).orElseThrow().getInputStream()) {
                    derivative = in.readAllBytes();
                }
                assertThat(TestImages.read(derivative).getWidth())
                        .as(file.getKey())
                        .isEqualTo(width);
                assertThat(TestImages.markersBeforeScan(derivative))
                        .as(file.getKey() + ": no APP1 (EXIF)")
                        .doesNotContain(0xE1);
                assertThat(TestImages.contains(derivative, "Exif")).isFalse();
                assertThat(TestImages.contains(derivative, TestImages.SECRET_ARTIST))
                        .isFalse();
            }
            assertThat(files("uploads"))
                    .as(file.getKey() + ": no temporary upload")
                    .isZero();
        }
        String big = jdbc.sql("select i.width || 'x' || i.height || ' ' || array_to_string(i.widths, ',') from posts p "
                        + "join images i on i.key = p.image_key where p.author_id = ? order by p.id limit 1")
                .param(author.id())
                .query(String.class)
                .single();
        assertThat(big).isEqualTo("8000x5000 320,640,1080");
    }

    @Test
    void aPhotoOverTheLimitIsNotReadPastIt() throws Exception {
        TestAccount author = fixtures.primeMember();
        byte[] large = new byte[ImageDecoder.MAX_BYTES + 4096];
        byte[] start = Fixtures.jpeg(64, 64, 3);
        System.arraycopy(start, 0, large, 0, start.length);
        MockHttpServletResponse response = publish(author, large);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(files("uploads")).isZero();
    }
}
