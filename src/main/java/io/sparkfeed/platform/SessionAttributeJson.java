package io.sparkfeed.platform;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.FlashMap;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Session attributes as JSON rather than Java serialization, so that two versions of the application can share
 * the sessions table during a deploy (a changed class is no broken session) and a row can be read with
 * {@code convert_from(attribute_bytes, 'UTF8')}. Spring Security's Jackson modules carry the security context (its
 * authentication, authorities and details) and a CSRF token; the signed-in {@code AccountPrincipal} describes its
 * own JSON. Each value names its class ({@code @class}), and only classes of Spring Security's list, of Sparkfeed
 * and of the JDK's plain collections may be named: a row cannot make the application build anything else.
 * <p>
 * Spring MVC's flash attributes are a list of {@link FlashMap}s, hash maps with three fields of their own that a map
 * serializer would drop (the target path and parameters, and the expiry): they travel as {@link Flash} records.
 */
final class SessionAttributeJson {

    private final JsonMapper mapper;

    SessionAttributeJson(ClassLoader loader) {
        var allowed = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("io.sparkfeed.")
                .allowIfSubType("java.lang.")
                .allowIfSubType("java.math.")
                .allowIfSubType(LinkedMultiValueMap.class);
        var modules = SecurityJacksonModules.getModules(loader, allowed);
        this.mapper = JsonMapper.builder()
                .addModules(modules)
                .activateDefaultTyping(allowed.build(), DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY)
                .build();
    }

    byte[] write(Object value) {
        return mapper.writeValueAsBytes(new Attribute(flashesOut(value)));
    }

    Object read(byte[] json) {
        return flashesIn(mapper.readValue(json, Attribute.class).value());
    }

    /** The one value of an attribute; wrapped so that even a final class (a string) says what it is. */
    record Attribute(Object value) {}

    /** A flash map as JSON can carry it. */
    record Flash(
            Map<String, Object> attributes,
            String targetRequestPath,
            MultiValueMap<String, String> targetRequestParams,
            long expirationTime) {}

    private static Object flashesOut(Object value) {
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(FlashMap.class::isInstance)) {
            var flashes = new ArrayList<Flash>();
            for (Object element : list) {
                FlashMap map = (FlashMap) element;
                flashes.add(new Flash(
                        new HashMap<>(map),
                        map.getTargetRequestPath(),
                        new LinkedMultiValueMap<>(map.getTargetRequestParams()),
                        map.getExpirationTime()));
            }
            return flashes;
        }
        return value;
    }

    private static Object flashesIn(Object value) {
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Flash.class::isInstance)) {
            var maps = new ArrayList<FlashMap>();
            for (Object element : list) {
                Flash flash = (Flash) element;
                var map = new FlashMap();
                map.putAll(flash.attributes());
                map.setTargetRequestPath(flash.targetRequestPath());
                map.addTargetRequestParams(flash.targetRequestParams());
                map.setExpirationTime(flash.expirationTime());
                maps.add(map);
            }
            return maps;
        }
        return value;
    }
}
