package org.dl4jsuite.common;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** A test resource as a file path: {@code name} relative to {@code beside}'s package, or absolute with a leading '/'. */
public final class TestResources {
    private TestResources() {
    }

    /** The resource's path; a missing one fails the test with its name. */
    public static Path path(Class<?> beside, String name) {
        URL url = beside.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " beside " + beside.getName() + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
