import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { assetKinds, maxFonts, type AssetKind } from '../theme/pack-fields.js';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import {
  draftFile,
  fileProblem,
  slotProblems,
  withAsset,
  withoutFont,
  type FileProblem,
} from './pack-assets.js';
import type { PackDraft } from './pack-draft.js';
import type { AssetFileDetail } from './studio-asset-field.js';
import './studio-asset-field.js';

interface Face {
  family: string;
  file: string;
  weight?: number;
  style?: string;
}

/**
 * A pack's files: its logo, background image and favicon, and its brand font faces, each a field
 * that takes a picked or dropped file. A file goes into the draft at once (the previews show it,
 * the checks judge it); a field says in the studio's language why it refuses one.
 *
 * @fires gate-studio-draft - `detail: PackDraft`, the draft with the file in it.
 */
@customElement('gate-studio-assets')
@localized()
export class GateStudioAssets extends LitElement {
  static override styles = css`
    fieldset {
      display: grid;
      gap: 0.75rem;
      border: 1px solid #6b7280;
    }
  `;

  @property({ attribute: false }) draft: PackDraft | undefined;
  /** The resolved pack, asset paths relative to themes/. */
  @property({ attribute: false }) theme: ResolvedTheme | undefined;
  @property({ attribute: false }) problems: readonly string[] = [];

  /** The files a field refused, by `kind-index`. */
  @state() private refused: Record<string, FileProblem & { name: string }> = {};

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('draft') && changed.get('draft')?.id !== this.draft?.id) this.refused = {};
  }

  #emit(draft: PackDraft) {
    this.dispatchEvent(
      new CustomEvent('gate-studio-draft', { detail: draft, bubbles: true, composed: true }),
    );
  }

  #take({ slot, index, name, bytes }: AssetFileDetail) {
    const draft = this.draft!;
    const key = `${slot}-${index}`;
    const problem = fileProblem(slot, name, bytes.length);
    const { [key]: _, ...others } = this.refused;
    this.refused = problem ? { ...others, [key]: { ...problem, name } } : others;
    const family =
      this.theme?.tokens['font-family'] ?? draft.manifest.tokens?.['font-family'] ?? '';
    this.#emit(withAsset(draft, slot, index, name, draftFile(name, bytes), family));
  }

  #remove(index: number) {
    this.refused = Object.fromEntries(
      Object.entries(this.refused).filter(([key]) => !key.startsWith('font-')),
    );
    this.#emit(withoutFont(this.draft!, index));
  }

  #imageLabel(kind: AssetKind): string {
    switch (kind) {
      case 'bannerLogo':
        return msg('Banner logo', { id: 'studio_asset_logo' });
      case 'background':
        return msg('Background image', { id: 'studio_asset_background' });
      case 'favicon':
        return msg('Favicon (browser tab icon)', { id: 'studio_asset_favicon' });
    }
  }

  override render() {
    if (!this.draft) return html``;
    const faces = (this.draft.manifest['fonts'] ?? []) as Face[];
    const field = (kind: AssetKind | 'font', index: number, label: string, current: string) =>
      html`<gate-studio-asset-field
        kind=${kind}
        index=${index}
        label=${label}
        current=${current}
        .refused=${this.refused[`${kind}-${index}`]}
        .problems=${slotProblems(this.problems, kind, index)}
        ?removable=${kind === 'font' && index < faces.length}
      ></gate-studio-asset-field>`;
    return html`<fieldset
      @gate-studio-file=${(event: CustomEvent<AssetFileDetail>) => this.#take(event.detail)}
      @gate-studio-remove=${(event: CustomEvent<{ index: number }>) =>
        this.#remove(event.detail.index)}
    >
      <legend>${msg('Images and fonts', { id: 'studio_assets' })}</legend>
      ${assetKinds.map((kind) =>
        field(kind, 0, this.#imageLabel(kind), this.theme?.assets[kind] ?? ''),
      )}
      ${faces.map((face, index) =>
        field(
          'font',
          index,
          msg(str`Font: ${face.family} ${face.weight ?? 400} ${face.style ?? 'normal'}`, {
            id: 'studio_asset_font',
          }),
          `${this.draft!.id}/${face.file}`,
        ),
      )}
      ${
        faces.length < maxFonts
          ? field(
              'font',
              faces.length,
              msg('New font face (of the first family in font-family)', {
                id: 'studio_asset_new_font',
              }),
              '',
            )
          : ''
      }
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-studio-assets': GateStudioAssets;
  }
}
