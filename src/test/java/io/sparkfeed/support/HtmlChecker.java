package io.sparkfeed.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML checker (vnu, the W3C's validator) run inside the test JVM on HTML the tests rendered. Its jars are
 * copied to {@code target/vnu/} by the build and loaded in a class loader of their own (their Jetty 11, log4j 1
 * and Saxon never meet the application's classes); only the JDK's SAX types cross over.
 */
public final class HtmlChecker {

    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    /**
     * htmx's own attributes ({@code hx-get}, {@code hx-swap}, ...): the stack's choice, unknown to the HTML standard
     * the checker knows; the only errors left out (as the checker's {@code --filterpattern} would).
     */
    private static final Pattern HTMX_ATTRIBUTE = Pattern.compile("Attribute “hx-[a-z-]+” not allowed on element .*");

    private static HtmlChecker instance;

    private final ClassLoader loader;
    private final Object validator;
    private final Method check;
    private final Collected collected = new Collected();

    private HtmlChecker() throws Exception {
        Path dir = Path.of(System.getProperty("sparkfeed.test.vnu.dir", "target/vnu"));
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                jars.add(url(jar));
            }
        }
        loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = loader.loadClass("nu.validator.validation.SimpleDocumentValidator");
            validator = type.getConstructor().newInstance();
            type.getMethod("setUpMainSchema", String.class, ErrorHandler.class)
                    .invoke(validator, HTML_SCHEMA, collected);
            type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class)
                    .invoke(validator, collected, true, false);
            check = type.getMethod("checkHtmlInputSource", InputSource.class);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checker's errors on this document ("line:column message"), none when it is valid HTML. */
    public static synchronized List<String> errors(String html) {
        try {
            if (instance == null) {
                instance = new HtmlChecker();
            }
            return instance.check(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu HTML checker did not run", e);
        }
    }

    private List<String> check(String html) throws Exception {
        collected.errors.clear();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            check.invoke(validator, new InputSource(new StringReader(html)));
        } finally {
            thread.setContextClassLoader(before);
        }
        return List.copyOf(collected.errors);
    }

    /** Errors and fatal errors; warnings (advice such as "consider adding a lang attribute") are not failures. */
    private static final class Collected implements ErrorHandler {

        private final List<String> errors = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            if (HTMX_ATTRIBUTE.matcher(String.valueOf(e.getMessage())).matches()) {
                return;
            }
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
