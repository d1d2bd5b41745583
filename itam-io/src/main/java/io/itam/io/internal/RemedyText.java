package io.itam.io.internal;

import io.itam.model.position.Remedy;
import org.jspecify.annotations.Nullable;

/** The words of a remedy, as the text table and the HTML report show it. */
public final class RemedyText {
  private RemedyText() {}

  /**
   * {@code buy 12 × 2-pack = 24}, {@code buy 4}, {@code buy 3 packs = 10}, followed by {@code of
   * MODEL} when the remedy buys another model than {@code productModel}, the row's own.
   */
  public static String of(Remedy remedy, @Nullable String productModel) {
    String text;
    if (remedy.packs() == remedy.units()) {
      text = "buy " + remedy.units();
    } else if (remedy.units() % remedy.packs() == 0) {
      text =
          "buy "
              + remedy.packs()
              + " × "
              + remedy.units() / remedy.packs()
              + "-pack = "
              + remedy.units();
    } else {
      text =
          "buy "
              + remedy.packs()
              + (remedy.packs() == 1 ? " pack" : " packs")
              + " = "
              + remedy.units();
    }
    return remedy.licenseModel().equals(productModel)
        ? text
        : text + " of " + remedy.licenseModel();
  }
}
