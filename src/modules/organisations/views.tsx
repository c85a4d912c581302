import { formatDate, formatDateTime, type Lang } from "../../web/i18n";
import { Layout, localPath } from "../../web/layout";
import type { PpService } from "./pp-services";
import type { SearchHit } from "./search";
import type { OfficeAt } from "./service";
import { orgTexts } from "./texts";
import type { Unit, UnitHistoryEntry } from "./units";

function UnitTags(props: {
  lang: Lang;
  unit: Pick<Unit, "isSchool" | "isKindergarten" | "owner" | "active" | "closedOn">;
}) {
  const t = orgTexts(props.lang);
  const u = props.unit;
  return (
    <span class="tags">
      {u.isSchool ? (
        <span class="ds-tag" data-color="info">
          {t.school}
        </span>
      ) : null}
      {u.isKindergarten ? (
        <span class="ds-tag" data-color="info">
          {t.kindergarten}
        </span>
      ) : null}
      {u.owner ? (
        <span class="ds-tag" data-color="neutral">
          {u.owner === "public" ? t.public : t.private}
        </span>
      ) : null}
      {u.active ? null : (
        <span class="ds-tag" data-color="warning">
          {u.closedOn ? t.closedOn(formatDate(props.lang, u.closedOn)) : t.closed}
        </span>
      )}
    </span>
  );
}

function HitLine(props: { lang: Lang; hit: SearchHit }) {
  const t = orgTexts(props.lang);
  const h = props.hit;
  const kind = <span class="subtle">{t.kinds[h.kind]}</span>;
  switch (h.kind) {
    case "municipality":
      return (
        <>
          <a class="ds-link" href={localPath(props.lang, `/organisasjoner/kommune/${h.code}`)}>
            {h.name} ({h.code})
          </a>{" "}
          {kind}
          {h.formerly ? (
            <span class="subtle"> – {t.formerly(h.formerly.name, h.formerly.code)}</span>
          ) : null}
        </>
      );
    case "unit":
      return (
        <>
          <a class="ds-link" href={localPath(props.lang, `/organisasjoner/enhet/${h.orgNumber}`)}>
            {h.name}
          </a>{" "}
          <span class="subtle">
            {h.municipalityName ?? h.municipalityCode} · {h.orgNumber}
          </span>{" "}
          <UnitTags lang={props.lang} unit={h} />
        </>
      );
    case "county-office":
      return (
        <>
          <a class="ds-link" href={localPath(props.lang, "/organisasjoner/statsforvaltere")}>
            {h.name}
          </a>{" "}
          {kind} <span class="subtle">({h.countyCodes.join(", ")})</span>
        </>
      );
    case "pp-service":
      return (
        <>
          <a class="ds-link" href={localPath(props.lang, "/organisasjoner/pp-tjenester")}>
            {h.name}
          </a>{" "}
          {kind} <span class="subtle">({h.municipalities.map((m) => m.name).join(", ")})</span>
        </>
      );
    default:
      return (
        <>
          {h.name} ({h.code}) {kind}
        </>
      );
  }
}

export function OrganisationsPage(props: {
  lang: Lang;
  query: string;
  hits: SearchHit[] | null;
  scoped: boolean;
  mine: { href: string; label: string }[];
}) {
  const t = orgTexts(props.lang);
  return (
    <Layout lang={props.lang} title={t.title} path="/organisasjoner">
      <h1 class="ds-heading" data-size="xl">
        {t.title}
      </h1>
      <p class="ds-paragraph lead">{props.scoped ? t.scopedLead : t.lead}</p>
      {props.mine.length > 0 ? (
        <ul class="ds-list">
          {props.mine.map((m) => (
            <li>
              <a class="ds-link" href={m.href}>
                {m.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="get" action={localPath(props.lang, "/organisasjoner")} class="filters">
        <div class="ds-field">
          <label class="ds-label" for="q">
            {t.search}
          </label>
          <p data-field="description" id="q-hint">
            {t.searchHint}
          </p>
          <input
            class="ds-input"
            type="search"
            id="q"
            name="q"
            value={props.query}
            maxlength={100}
            aria-describedby="q-hint"
          />
        </div>
        <div>
          <button class="ds-button" data-variant="primary" type="submit">
            {t.searchButton}
          </button>
        </div>
      </form>
      {props.hits ? (
        <section aria-labelledby="results-heading">
          <h2 class="ds-heading" data-size="sm" id="results-heading" aria-live="polite">
            {t.results(props.hits.length)}
          </h2>
          {props.hits.length === 0 ? <p class="ds-paragraph">{t.noResults}</p> : null}
          <ul class="hits">
            {props.hits.map((h) => (
              <li>
                <HitLine lang={props.lang} hit={h} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.scoped ? null : (
        <ul class="ds-list">
          <li>
            <a class="ds-link" href={localPath(props.lang, "/organisasjoner/statsforvaltere")}>
              {t.offices}
            </a>
          </li>
          <li>
            <a class="ds-link" href={localPath(props.lang, "/organisasjoner/pp-tjenester")}>
              {t.ppServices}
            </a>
          </li>
        </ul>
      )}
    </Layout>
  );
}

export function MunicipalityPage(props: {
  lang: Lang;
  code: string;
  name: string;
  units: Unit[];
  ppServices: PpService[];
  filter: { type: string; owner: string; status: string };
}) {
  const t = orgTexts(props.lang);
  const path = `/organisasjoner/kommune/${props.code}`;
  const select = (name: string, label: string, value: string, options: [string, string][]) => (
    <div class="ds-field">
      <label class="ds-label" for={name}>
        {label}
      </label>
      <select class="ds-input" id={name} name={name}>
        {options.map(([v, l]) => (
          <option value={v} selected={v === value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Layout lang={props.lang} title={`${props.name} (${props.code})`} path={path}>
      <h1 class="ds-heading" data-size="xl">
        {props.name} ({props.code})
      </h1>
      <h2 class="ds-heading" data-size="md">
        {t.units}
      </h2>
      <form method="get" action={localPath(props.lang, path)} class="filters">
        {select("type", t.type, props.filter.type, [
          ["", t.all],
          ["school", t.school],
          ["kindergarten", t.kindergarten],
        ])}
        {select("eier", t.owner, props.filter.owner, [
          ["", t.all],
          ["public", t.public],
          ["private", t.private],
        ])}
        {select("status", t.status, props.filter.status, [
          ["", t.all],
          ["active", t.active],
          ["closed", t.closed],
        ])}
        <div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {t.show}
          </button>
        </div>
      </form>
      {props.units.length === 0 ? <p class="ds-paragraph">{t.noUnits}</p> : null}
      <ul class="hits">
        {props.units.map((u) => (
          <li>
            <a class="ds-link" href={localPath(props.lang, `/organisasjoner/enhet/${u.orgNumber}`)}>
              {u.name}
            </a>{" "}
            <span class="subtle">{u.orgNumber}</span> <UnitTags lang={props.lang} unit={u} />
          </li>
        ))}
      </ul>
      <h2 class="ds-heading" data-size="md">
        {t.ppServices}
      </h2>
      <PpServiceList lang={props.lang} services={props.ppServices} />
    </Layout>
  );
}

export function PpServiceList(props: { lang: Lang; services: PpService[] }) {
  const t = orgTexts(props.lang);
  if (props.services.length === 0) return <p class="ds-paragraph">{t.noResults}</p>;
  return (
    <ul class="hits">
      {props.services.map((s) => (
        <li>
          <strong>{s.name}</strong>
          {s.orgNumber ? <span class="subtle"> · {s.orgNumber}</span> : null}
          <br />
          {t.serves}: {s.municipalities.map((m) => m.name).join(", ")}
        </li>
      ))}
    </ul>
  );
}

export function PpServicesPage(props: { lang: Lang; services: PpService[] }) {
  const t = orgTexts(props.lang);
  return (
    <Layout lang={props.lang} title={t.ppServices} path="/organisasjoner/pp-tjenester">
      <h1 class="ds-heading" data-size="xl">
        {t.ppServices}
      </h1>
      <PpServiceList lang={props.lang} services={props.services} />
    </Layout>
  );
}

export function OfficesPage(props: {
  lang: Lang;
  date: string;
  offices: OfficeAt[];
  countyNames: Map<string, string>;
}) {
  const t = orgTexts(props.lang);
  return (
    <Layout lang={props.lang} title={t.offices} path="/organisasjoner/statsforvaltere">
      <h1 class="ds-heading" data-size="xl">
        {t.offices}
      </h1>
      <form
        method="get"
        action={localPath(props.lang, "/organisasjoner/statsforvaltere")}
        class="filters"
      >
        <div class="ds-field">
          <label class="ds-label" for="dato">
            {t.date}
          </label>
          <input
            class="ds-input"
            type="date"
            id="dato"
            name="dato"
            value={props.date}
            min="2017-01-01"
          />
        </div>
        <div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {t.show}
          </button>
        </div>
      </form>
      <h2 class="ds-heading" data-size="sm">
        {t.officesOn(formatDate(props.lang, props.date))}
      </h2>
      <ul class="hits">
        {props.offices.map((o) => (
          <li>
            <strong>{o.name}</strong>
            <br />
            {t.counties}:{" "}
            {o.countyCodes.map((c) => `${props.countyNames.get(c) ?? c} (${c})`).join(", ")}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function UnitPage(props: {
  lang: Lang;
  unit: Unit & { history: UnitHistoryEntry[] };
  municipalityName: string;
}) {
  const t = orgTexts(props.lang);
  const u = props.unit;
  return (
    <Layout lang={props.lang} title={u.name} path={`/organisasjoner/enhet/${u.orgNumber}`}>
      <h1 class="ds-heading" data-size="xl">
        {u.name}
      </h1>
      <p class="ds-paragraph">
        <UnitTags lang={props.lang} unit={u} />
      </p>
      <dl class="receipt">
        <div>
          <dt>{t.orgNumber}</dt>
          <dd>{u.orgNumber}</dd>
        </div>
        <div>
          <dt>{t.municipality}</dt>
          <dd>
            <a
              class="ds-link"
              href={localPath(props.lang, `/organisasjoner/kommune/${u.municipalityCode}`)}
            >
              {props.municipalityName} ({u.municipalityCode})
            </a>
          </dd>
        </div>
      </dl>
      <h2 class="ds-heading" data-size="md">
        {t.history}
      </h2>
      {u.history.length === 0 ? <p class="ds-paragraph">{t.noHistory}</p> : null}
      <ul class="hits">
        {u.history.map((h) => (
          <li>
            <strong>{t.events[h.event] ?? h.event}</strong> {formatDateTime(props.lang, h.at)}
            {Object.keys(h.changes).length > 0 ? (
              <ul class="ds-list">
                {Object.entries(h.changes).map(([field, change]) => (
                  <li>
                    {field}: {JSON.stringify(change.before)} → {JSON.stringify(change.after)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
