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
    /* What sits outside the card gets a panel of the checked colour behind it, never the image. */
    [data-gate-layout='centered'] :is(.gate-toolbar, gate-theme-footer) {
      box-sizing: border-box;
      padding: var(--gate-space-2);
      border-radius: var(--gate-radius);
      background: var(--gate-color-background);
    }
    /* The image fills what the card's column leaves free; the shell's own children stay in that column. */
    @media (min-width: 48rem) {
      .gate-shell:is([data-gate-layout='split'], [data-gate-layout='split'] *) {
        --_card-column: min(100%, calc(var(--gate-card-width) + 2 * var(--gate-space-6)));
        position: relative;
        justify-items: end;
        align-content: center;
        padding-inline-end: var(--gate-space-6);
      }
      .gate-shell:is([data-gate-layout='split'], [data-gate-layout='split'] *)::before {
        content: '';
        position: absolute;
        inset-block: 0;
        inset-inline: 0 var(--_card-column);
        background: var(--gate-background-image) center / cover no-repeat;
      }
    }
  }
`;
