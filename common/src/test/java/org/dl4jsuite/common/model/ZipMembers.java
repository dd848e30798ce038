package org.dl4jsuite.common.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** A zip's members by name, to write damaged copies of a real model zip in tests. */
final class ZipMembers {
    private ZipMembers() {
    }

    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (ZipFile in = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                members.put(e.getName(), in.getInputStream(e).readAllBytes());
            }
        }
        return members;
    }

    static Map<String, byte[]> with(Map<String, byte[]> members, String name, byte[] content) {
        Map<String, byte[]> copy = new LinkedHashMap<>(members);
        copy.put(name, content);
        return copy;
    }

    static Map<String, byte[]> without(Map<String, byte[]> members, String name) {
        Map<String, byte[]> copy = new LinkedHashMap<>(members);
        copy.remove(name);
        return copy;
    }

    static void write(Path zip, Map<String, byte[]> members) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                out.putNextEntry(new ZipEntry(m.getKey()));
                out.write(m.getValue());
                out.closeEntry();
            }
        }
    }
}
