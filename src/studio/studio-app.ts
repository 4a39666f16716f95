import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import tenants from 'virtual:gatehouse/tenants';
import { passingColor } from '../theme/pack/contrast-suggestion.js';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import { themeLocales, type ThemeLocale } from '../theme/theme-text.schema.js';
import { colorTokenNames, type ThemeTokenName } from '../theme/theme-tokens.js';
import { themeIdPattern } from '../theme/pack-fields.js';
import {
  checkDraft,
  copyDraft,
  loadDraft,
  manifestFile,
  previewTheme,
  problemsAt,
  saveDraft,
  themesDir,
  type PackDraft,
} from './pack-draft.js';
import { droppedLogo } from './pack-assets.js';
import { previewFailures, type PreviewFailures } from './preview-states.js';
import './studio-assets.js';
import './studio-color-field.js';
import './studio-email-preview.js';
import './studio-preview.js';

const textFields = ['signInHeading', 'signInIntro', 'usernameHint'] as const;
const lengthTokens = ['radius', 'card-width', 'font-size'] as const satisfies ThemeTokenName[];

/**
 * The brand studio: pick a tenant and a pack (or copy one), edit its tokens and page text, see
 * every problem at its field and every step, state and language in the preview as you edit, and
 * save the pack once it passes every check.
 */
@customElement('gate-studio')
@localized()
export class GateStudio extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 1.5rem;
      padding: 1rem;
      font-family: system-ui, sans-serif;
      color: #1b1f24;
    }
    fieldset {
      display: grid;
      gap: 0.75rem;
      border: 1px solid #6b7280;
    }
    .problems li {
      color: #a4161a;
    }
    label {
      display: grid;
      gap: 0.25rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: end;
    }
  `;

  @state() private packs: string[] = [];
  @state() private tenantId = tenants[0]?.id ?? '';
  @state() private draft: PackDraft | undefined;
  @state() private problems: string[] = [];
  @state() private theme: ResolvedTheme | undefined;
  /** The same, asset paths relative to themes/ (the emails' preview reads the files). */
  @state() private resolved: ResolvedTheme | undefined;
  @state() private failures: PreviewFailures = {};
  @state() private status = '';
  @state() private copyId = '';
  #lastGood: ResolvedTheme | undefined;
  #checking = 0;

  override async connectedCallback() {
    super.connectedCallback();
    const params = new URL(location.href).searchParams;
    this.tenantId = tenants.find((t) => t.id === params.get('tenant'))?.id ?? this.tenantId;
    const answer = (await (await fetch('/__studio/packs')).json()) as { packs: string[] };
    this.packs = answer.packs;
    const tenantTheme = tenants.find((t) => t.id === this.tenantId)?.theme;
    const wanted = params.get('pack') ?? tenantTheme ?? this.packs[0]!;
    await this.#open(this.packs.includes(wanted) ? wanted : this.packs[0]!);
    this.failures = await previewFailures();
  }

  async #open(id: string) {
    this.#lastGood = undefined;
    this.status = '';
    await this.#check(await loadDraft(id));
    this.#remember();
  }

  #remember() {
    const url = new URL(location.href);
    url.searchParams.set('tenant', this.tenantId);
    if (this.draft && this.packs.includes(this.draft.id))
      url.searchParams.set('pack', this.draft.id);
    history.replaceState(null, '', url);
  }

  /** Checks the draft; the newest check wins. */
  async #check(draft: PackDraft) {
    this.draft = draft;
    const run = ++this.#checking;
    const checked = await checkDraft(draft, this.#lastGood);
    if (run !== this.#checking) return;
    if (checked.problems.length === 0) this.#lastGood = checked.theme;
    this.problems = checked.problems;
    this.resolved = checked.theme;
    this.theme = checked.theme && previewTheme(checked.theme, draft);
  }

  #setToken(name: string, value: string) {
    const draft = this.draft!;
    const tokens = { ...draft.manifest.tokens, [name]: value };
    void this.#check({ ...draft, manifest: { ...draft.manifest, tokens } });
  }

  #setText(locale: ThemeLocale, field: string, value: string) {
    const draft = this.draft!;
    const text = { ...draft.text[locale] };
    if (value === '') delete text[field];
    else text[field] = value;
    void this.#check({ ...draft, text: { ...draft.text, [locale]: text } });
  }

  async #copy(event: Event) {
    event.preventDefault();
    const id = this.copyId.trim();
    if (!themeIdPattern.test(id) || this.packs.includes(id)) {
      this.status = msg(
        str`"${id}" cannot be a new pack's id: use lower-case letters, digits and hyphens, and a name no pack has.`,
        { id: 'studio_copy_bad_id' },
      );
      return;
    }
    this.#lastGood = this.resolved;
    await this.#check(copyDraft(this.draft!, id));
    this.status = msg(str`Copied to ${id}. Save writes themes/${id}/.`, { id: 'studio_copied' });
  }

  async #save() {
    const draft = this.draft!;
    if (this.problems.length > 0) return;
    const saved = await saveDraft(draft);
    if (saved.ok) {
      this.status = msg(str`Saved themes/${draft.id}/.`, { id: 'studio_saved' });
      if (!this.packs.includes(draft.id)) this.packs = [...this.packs, draft.id].sort();
      this.draft = { ...draft, copyFrom: undefined };
      this.#remember();
    } else {
      this.problems = saved.errors;
      this.status = msg('Not saved: the pack has problems.', { id: 'studio_not_saved' });
    }
  }

  #tokenFields() {
    const draft = this.draft!;
    const file = manifestFile(draft);
    const tokens = this.theme?.tokens;
    return html`<fieldset>
        <legend>${msg('Colours', { id: 'studio_colours' })}</legend>
        ${colorTokenNames.map((name) => {
          const value = draft.manifest.tokens?.[name] ?? tokens?.[name] ?? '#000000';
          const problems = problemsAt(this.problems, file, `tokens.${name}`);
          const hex = /^#[0-9a-f]{6}$/i.test(value) ? value : (tokens?.[name] ?? '#000000');
          const suggestion =
            problems.length > 0 && tokens
              ? passingColor({ ...tokens, [name]: hex }, name)
              : undefined;
          return html`<gate-studio-color-field
            name=${name}
            value=${hex}
            .problems=${problems}
            suggestion=${suggestion ?? ''}
            @gate-studio-change=${(event: CustomEvent<{ name: string; value: string }>) =>
              this.#setToken(event.detail.name, event.detail.value)}
          ></gate-studio-color-field>`;
        })}
      </fieldset>
      <fieldset>
        <legend>${msg('Sizes and font', { id: 'studio_sizes' })}</legend>
        ${[...lengthTokens, 'font-family' as const].map((name) => {
          const problems = problemsAt(this.problems, file, `tokens.${name}`);
          return html`<label
            >${name}
            <input
              .value=${draft.manifest.tokens?.[name] ?? tokens?.[name] ?? ''}
              aria-invalid=${problems.length > 0 ? 'true' : 'false'}
              @input=${(event: Event) =>
                this.#setToken(name, (event.target as HTMLInputElement).value)}
            />
            ${problems.map((problem) => html`<span class="problem">${problem}</span>`)}
          </label>`;
        })}
      </fieldset>`;
  }

  #textFields() {
    const draft = this.draft!;
    return themeLocales.map((locale) => {
      const file = `${themesDir}/${draft.id}/text/${locale}.json`;
      return html`<fieldset>
        <legend>${msg(str`Page text in ${locale}`, { id: 'studio_text_in' })}</legend>
        ${textFields.map((field) => {
          const problems = problemsAt(this.problems, file, field);
          return html`<label
            >${field} (${locale})
            <input
              .value=${String(draft.text[locale]?.[field] ?? '')}
              aria-invalid=${problems.length > 0 ? 'true' : 'false'}
              @input=${(event: Event) =>
                this.#setText(locale, field, (event.target as HTMLInputElement).value)}
            />
            ${problems.map((problem) => html`<span class="problem">${problem}</span>`)}
          </label>`;
        })}
      </fieldset>`;
    });
  }

  override render() {
    const draft = this.draft;
    const tenant = tenants.find((t) => t.id === this.tenantId);
    const policy = tenant?.policies.find((p) => p.kind === 'sign-in') ?? tenant?.policies[0];
    return html`<header>
        <h1>${msg('Gatehouse brand studio', { id: 'studio_title' })}</h1>
      </header>
      <main>
        <section class="row" aria-label=${msg('Tenant and pack', { id: 'studio_pick' })}>
          <label
            >${msg('Tenant', { id: 'studio_tenant' })}
            <select
              @change=${(event: Event) => {
                this.tenantId = (event.target as HTMLSelectElement).value;
                this.#remember();
              }}
            >
              ${tenants.map(
                (t) =>
                  html`<option value=${t.id} ?selected=${t.id === this.tenantId}>
                    ${t.displayName}
                  </option>`,
              )}
            </select>
          </label>
          <label
            >${msg('Theme pack', { id: 'studio_pack' })}
            <select
              @change=${(event: Event) => void this.#open((event.target as HTMLSelectElement).value)}
            >
              ${this.packs.map(
                (id) => html`<option value=${id} ?selected=${id === draft?.id}>${id}</option>`,
              )}
              ${
                draft && !this.packs.includes(draft.id)
                  ? html`<option value=${draft.id} selected>${draft.id}</option>`
                  : nothing
              }
            </select>
          </label>
          <form @submit=${this.#copy} class="row">
            <label
              >${msg('New pack id', { id: 'studio_new_id' })}
              <input
                .value=${this.copyId}
                @input=${(event: Event) => (this.copyId = (event.target as HTMLInputElement).value)}
              />
            </label>
            <button>${msg('Copy this pack', { id: 'studio_copy' })}</button>
          </form>
        </section>
        ${
          draft
            ? html`<div class="row">
                  ${this.#tokenFields()}
                  <gate-studio-assets
                    .draft=${draft}
                    .theme=${this.resolved}
                    .problems=${this.problems}
                    @gate-studio-draft=${(event: CustomEvent<PackDraft>) =>
                      void this.#check(event.detail)}
                  ></gate-studio-assets>
                  ${this.#textFields()}
                </div>
                <section aria-labelledby="problems-heading" class="problems">
                  <h2 id="problems-heading">${msg('Problems', { id: 'studio_problems' })}</h2>
                  ${
                    this.problems.length === 0
                      ? html`<p>
                          ${msg('No problems: this pack can be saved.', { id: 'studio_no_problems' })}
                        </p>`
                      : html`<ul>
                          ${this.problems.map((problem) => html`<li>${problem}</li>`)}
                        </ul>`
                  }
                </section>
                <div class="row">
                  <button ?disabled=${this.problems.length > 0} @click=${this.#save}>
                    ${msg('Save', { id: 'studio_save' })}
                  </button>
                  ${
                    tenant && policy
                      ? html`<a
                          href=${`/${tenant.id}/${policy.id}?theme=${draft.id}`}
                          target="_blank"
                          rel="noopener"
                          >${msg('Run now (saved pack, mock API)', { id: 'studio_run_now' })}</a
                        >`
                      : nothing
                  }
                  <p role="status">${this.status}</p>
                </div>
                <section aria-labelledby="preview-heading">
                  <h2 id="preview-heading">${msg('Preview', { id: 'studio_preview' })}</h2>
                  <gate-studio-preview
                    .theme=${this.theme}
                    .failures=${this.failures}
                    tenantName=${tenant?.displayName ?? ''}
                  ></gate-studio-preview>
                </section>
                <section aria-labelledby="emails-heading">
                  <h2 id="emails-heading">${msg('Emails', { id: 'studio_emails' })}</h2>
                  <gate-studio-email-preview
                    .theme=${this.resolved}
                    tenant=${this.tenantId}
                    assets-from=${draft.copyFrom ?? ''}
                    logo=${droppedLogo(draft, this.resolved?.assets.bannerLogo)}
                  ></gate-studio-email-preview>
                </section>`
            : html`<p>${msg('Loading…', { id: 'studio_loading' })}</p>`
        }
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-studio': GateStudio;
  }
}
