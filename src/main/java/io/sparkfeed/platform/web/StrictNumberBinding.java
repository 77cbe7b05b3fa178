package io.sparkfeed.platform.web;

import io.sparkfeed.platform.StrictNumbers;
import java.beans.PropertyEditorSupport;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every id, page size, page and quantity bound from a path, a query string or a form is read by
 * {@link StrictNumbers}: anything but plain digits is a 400 (or a form error where the form binds it). An editor,
 * not a formatter: when a formatter refuses, Spring falls back to its default number editor, which reads
 * {@code 0x10} as 16.
 */
@ControllerAdvice
class StrictNumberBinding {

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
