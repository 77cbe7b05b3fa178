package io.sparkfeed.accounts;

import java.io.IOException;
import java.io.OutputStream;

/**
 * SPI: a module's part of a person's data, for their export ({@code /me/data}) and for the deletion of their
 * account. Each module that keeps rows about a person implements it for its own tables (posts, comments and smiles
 * in {@code posts}, orders in {@code shop}, ...), so no module reads or deletes another's rows; {@link DataExports}
 * and {@link AccountDeletions} collect every implementation.
 */
public interface PersonalData {

    /** The part's name, lower case: its entries in the ZIP start with it ({@code posts.json}). */
    String name();

    /** Writes the account's rows of this part: JSON, and files such as the photos. */
    void export(long accountId, Sink out) throws IOException;

    /**
     * Erases the account's rows of this part in the caller's transaction (the whole deletion commits or rolls back
     * as one), keeping every counter of what stays true (a post's smiles, comments and saves, a collection's
     * items). What must be kept, such as orders for accounting, is kept without the person's name or address. The
     * parts run in any order, and the account row itself stays (anonymised by {@link AccountDeletions}).
     */
    void erase(long accountId);

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
