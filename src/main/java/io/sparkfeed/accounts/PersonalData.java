package io.sparkfeed.accounts;

import java.io.IOException;
import java.io.OutputStream;

/**
 * SPI: a module's part of a person's data export ({@code /me/data}). Each module that keeps rows about a person
 * implements it for its own tables (posts, comments and smiles in {@code posts}, orders in {@code shop}, ...), so no
 * module reads another's tables; {@link DataExports} collects every implementation.
 */
public interface PersonalData {

    /** The part's name, lower case: its entries in the ZIP start with it ({@code posts.json}). */
    String name();

    /** Writes the account's rows of this part: JSON, and files such as the original photos. */
    void export(long accountId, Sink out) throws IOException;

    /** Where a part writes. */
    interface Sink {

        /** Writes {@code value} (records, lists, maps) as the JSON file {@code <name>.json}. */
        void json(String name, Object value) throws IOException;

        /** Writes a file of the part ({@code photos/12.jpg}) from what {@code content} writes into the stream. */
        void file(String path, Content content) throws IOException;
    }

    /** The bytes of a file, written into the export's stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
