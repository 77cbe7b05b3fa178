package io.sparkfeed.billing;

import org.springframework.data.repository.Repository;

interface InvoiceRepository extends Repository<Invoice, Long> {

    Invoice save(Invoice invoice);

    long countByAccountId(Long accountId);
}
