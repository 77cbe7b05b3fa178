package io.sparkfeed.accounts;

/** A person posts, smiles and buys; a brand has an account but never posts. */
public enum AccountKind {
    PERSON,
    BRAND
}
