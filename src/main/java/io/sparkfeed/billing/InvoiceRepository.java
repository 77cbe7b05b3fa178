package io.sparkfeed.billing;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface InvoiceRepository extends Repository<Invoice, Long> {

    Invoice save(Invoice invoice);

    long countByAccountId(Long accountId);

    @Modifying
    @Query(
            value = "update invoices set status = 'VOID' where reference = :reference and status = 'OWED'",
            nativeQuery = true)
    int voidOwed(String reference);
}
