package io.sparkfeed.platform.web;

import io.sparkfeed.platform.StrictNumbers;
import java.beans.PropertyEditorSupport;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every id, page size, page and quantity bound from a path, a query string or a form is read by
 * {@link StrictNumbers}: anything but plain digits is a 400 (or a form error where the form binds it). Both an
 * editor and a formatter: when the conversion service refuses a value, Spring falls back to its default number
 * editor (which reads {@code 0x10} as 16), and a list of numbers is converted by the conversion service whole.
 */
@ControllerAdvice
class StrictNumberBinding implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Long.class, formatter(StrictNumbers::parseLong));
        registry.addFormatterForFieldType(Integer.class, formatter(StrictNumbers::parseInt));
    }

    private static <T extends Number> Formatter<T> formatter(Function<String, Optional<T>> parse) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) throws ParseException {
                return parse.apply(text).orElseThrow(() -> new ParseException("not a plain number", 0));
            }

            @Override
            public String print(T number, Locale locale) {
                return number.toString();
            }
        };
    }

    @InitBinder
    void strictNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new Strict(StrictNumbers::parseLong, false));
        binder.registerCustomEditor(Long.class, new Strict(StrictNumbers::parseLong, true));
        binder.registerCustomEditor(int.class, new Strict(StrictNumbers::parseInt, false));
        binder.registerCustomEditor(Integer.class, new Strict(StrictNumbers::parseInt, true));
    }

    private static final class Strict extends PropertyEditorSupport {

        private final Function<String, Optional<? extends Number>> parse;
        private final boolean nullable;

        Strict(Function<String, Optional<? extends Number>> parse, boolean nullable) {
            this.parse = parse;
            this.nullable = nullable;
        }

        @Override
        public void setAsText(String text) {
            if (nullable && (text == null || text.isEmpty())) {
                setValue(null);
                return;
            }
            setValue(parse.apply(text).orElseThrow(() -> new IllegalArgumentException("not a plain number")));
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
