import { css } from 'lit';

/**
 * The two page layouts a pack chooses, keyed by the `data-gate-layout` attribute that applyTheme
 * sets: `centered` lays the card over the pack's background image, `split` puts the image beside
 * the card on wide screens. In the base layer; the attribute makes these beat the plain
 * `.gate-theme` rules there.
 */
export const themeLayoutStyles = css`
  @layer gate-base {
    .gate-theme:is([data-gate-layout='centered'], [data-gate-layout='centered'] *) {
      background:
        var(--gate-background-image) center / cover no-repeat,
        var(--gate-color-background);
    }
    @media (min-width: 48rem) {
      .gate-shell:is([data-gate-layout='split'], [data-gate-layout='split'] *) {
        grid-template-columns: 1fr min(
            100%,
            calc(var(--gate-card-width) + 2 * var(--gate-space-6))
          );
        place-items: center;
        padding: 0;
      }
      .gate-shell:is([data-gate-layout='split'], [data-gate-layout='split'] *)::before {
        content: '';
        place-self: stretch;
        background: var(--gate-background-image) center / cover no-repeat;
      }
    }
  }
`;
