package be.uliege.library.registration.card;

/**
 * The card's photo frame (R-CARD-1): 4 wide by 5 high, stored at card resolution as a JPEG of
 * {@link #WIDTH} × {@link #HEIGHT} pixels, printed {@link #WIDTH_MM} × {@link #HEIGHT_MM} mm on
 * the card (about 350 dpi: sharp on a 300 dpi card printer).
 */
public final class CardPhoto {

    public static final int WIDTH = 300;
    public static final int HEIGHT = 375;
    public static final float WIDTH_MM = 22f;
    public static final float HEIGHT_MM = 27.5f;

    private CardPhoto() {}
}
