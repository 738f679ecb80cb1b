package be.uliege.library.registration.fee;

/** The patron asked for the receipt by mail (R-FEE-2). */
public record ReceiptMailRequested(String receiptNumber, long patronId) {}
