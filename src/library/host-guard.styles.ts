import { css } from 'lit';

/**
 * The elements' own styles sit in cascade layers, so that a pack's tokens override the defaults;
 * but then any unlayered rule of a host page wins over them, even `input { border: 0 }` from a
 * reset, or `form { display: flex }`. This rule is unlayered and more specific than rules on
 * plain elements or single classes, and rolls each property back to what the layers say. A host
 * that means to restyle the elements uses tokens and `::part` (docs/embedding.md), or a
 * selector more specific than this one.
 */
export const hostGuardStyles = css`
  gate-app .gate-theme,
  gate-app
    .gate-theme
    :is(
      div,
      p,
      h1,
      h2,
      form,
      label,
      input,
      button,
      a,
      span,
      ul,
      li,
      img,
      strong,
      small,
      fieldset,
      legend,
      svg
    ) {
    all: revert-layer;
  }
`;
