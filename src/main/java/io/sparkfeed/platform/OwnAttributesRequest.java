package io.sparkfeed.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * A request with attributes of its own, empty at first: work done with it (a handler lookup, a fragment rendered
 * apart) neither sees the real request's attributes nor leaves any on it.
 */
public final class OwnAttributesRequest extends HttpServletRequestWrapper {

    private final Map<String, Object> attributes = new HashMap<>();

    public OwnAttributesRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }
}
