// Offline checks of manifest.xml: `office-addin-manifest validate` needs the internet, so the schema check
// runs xmllint against the XSDs shipped in ../shared/manifest-xsd, and the rules the schema cannot express
// (resids resolve, icons exist at the declared size, texts are Vietnamese) are checked here.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const REPO_ROOT = path.resolve(__dirname, "..");
const XSD_DIR = path.resolve(__dirname, "../../shared/manifest-xsd");
const MANIFEST_SCHEMA = path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd");
const MANIFEST_PATH = path.join(REPO_ROOT, "manifest.xml");
const DEV_ORIGIN = "https://localhost:3000/";
const MAX_RESID_LENGTH = 32;

const manifest = fs.readFileSync(MANIFEST_PATH, "utf8");

type Attributes = Record<string, string>;
interface Tag {
  name: string;
  attributes: Attributes;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => XML_ENTITIES[entity]);
}

/** Opening (or self-closing) tags, with attributes, in document order; comments are skipped. */
function tags(xml: string): Tag[] {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  return [...withoutComments.matchAll(/<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*\/?>/g)].map(
    ([, name, rawAttributes]) => ({
      name,
      attributes: Object.fromEntries(
        [...rawAttributes.matchAll(/([\w:.-]+)="([^"]*)"/g)].map(([, key, value]) => [key, decodeXml(value)]),
      ),
    }),
  );
}

function section(xml: string, tagName: string): string {
  const match = xml.match(new RegExp(`<${tagName}(?:\\s[^>]*)?>([\\s\\S]*?)</${tagName}>`));
  if (!match) throw new Error(`manifest.xml has no <${tagName}> section`);
  return match[1];
}

function textOf(xml: string, tagName: string): string {
  return decodeXml(section(xml, tagName).trim());
}

function defaultValueOf(tagName: string): string {
  const tag = tags(manifest).find((t) => t.name === tagName);
  if (!tag) throw new Error(`manifest.xml has no <${tagName}>`);
  return tag.attributes.DefaultValue;
}

/** Resources defined under <Resources>, by id, with the kind of resource each is. */
function definedResources(): Map<string, { kind: string; value: string }> {
  const resources = section(manifest, "Resources");
  const kindByContainer: Record<string, string> = {
    "bt:Images": "image",
    "bt:Urls": "url",
    "bt:ShortStrings": "short string",
    "bt:LongStrings": "long string",
  };
  const defined = new Map<string, { kind: string; value: string }>();
  for (const [container, kind] of Object.entries(kindByContainer)) {
    for (const tag of tags(section(resources, container))) {
      if (tag.attributes.id === undefined) continue;
      defined.set(tag.attributes.id, { kind, value: tag.attributes.DefaultValue });
    }
  }
  return defined;
}

/** What kind of resource each referencing element needs: a Label must point at a short string, etc. */
const RESOURCE_KIND_BY_ELEMENT: Record<string, string> = {
  "bt:Image": "image",
  SourceLocation: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Label: "short string",
  Title: "short string",
  Description: "long string",
};

function assetFile(url: string): string {
  if (!url.startsWith(`${DEV_ORIGIN}assets/`)) throw new Error(`${url} is not served from ${DEV_ORIGIN}assets/`);
  return path.join(REPO_ROOT, "assets", url.slice(`${DEV_ORIGIN}assets/`.length));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (bytes.subarray(0, 8).toString("hex") !== signature || bytes.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function requireXmllint(): void {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) {
    throw new Error(
      "xmllint is not installed, so manifest.xml cannot be validated offline. " +
        "Install it with `apt-get install -y libxml2-utils` (Debian/Ubuntu).",
    );
  }
  if (!fs.existsSync(MANIFEST_SCHEMA)) {
    throw new Error(`Manifest schema not found at ${MANIFEST_SCHEMA}: the shared/ folder must sit beside the repository.`);
  }
}

function validateAgainstSchema(file: string): { ok: boolean; errors: string } {
  const result = spawnSync("xmllint", ["--noout", "--schema", MANIFEST_SCHEMA, file], { encoding: "utf8" });
  return { ok: result.status === 0, errors: result.stderr };
}

const VIETNAMESE_LETTER = /[ăâđêôơư\u1ea0-\u1ef9]/i;

describe("manifest.xml", () => {
  describe("schema", () => {
    beforeAll(requireXmllint);

    it("validates offline against the Office add-in manifest XSD", () => {
      const { ok, errors } = validateAgainstSchema(MANIFEST_PATH);
      if (!ok) throw new Error(`manifest.xml does not match the schema:\n${errors}`);
    });

    it("is checked strictly, ribbon overrides included (an unknown element is rejected)", () => {
      const broken = manifest.replace("<TaskpaneId>", "<Unexpected/><TaskpaneId>");
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
      fs.writeFileSync(file, broken);
      const { ok, errors } = validateAgainstSchema(file);
      expect(ok).toBe(false);
      expect(errors).toContain("Unexpected");
    });
  });

  it("defines every resid it references, with the right kind of resource", () => {
    const defined = definedResources();
    const references = tags(manifest).filter((t) => t.attributes.resid !== undefined);
    expect(references.length).toBeGreaterThan(0);
    const problems = references.flatMap(({ name, attributes: { resid } }) => {
      const resource = defined.get(resid);
      if (!resource) return [`<${name} resid="${resid}"> is not defined in <Resources>`];
      const wanted = RESOURCE_KIND_BY_ELEMENT[name] ?? "known kind of resource";
      if (resource.kind !== wanted) {
        return [`<${name} resid="${resid}"> needs a ${wanted}, but it is a ${resource.kind}`];
      }
      return [];
    });
    expect(problems).toEqual([]);
  });

  it("keeps every resource id within 32 characters", () => {
    const tooLong = [...definedResources().keys()].filter((id) => id.length > MAX_RESID_LENGTH);
    expect(tooLong).toEqual([]);
  });

  it("points every icon at a PNG in assets/ of the declared size", () => {
    const defined = definedResources();
    const declared = [
      { url: defaultValueOf("IconUrl"), size: 32 },
      { url: defaultValueOf("HighResolutionIconUrl"), size: 64 },
      ...tags(manifest)
        .filter((t) => t.name === "bt:Image" && t.attributes.resid !== undefined)
        .map((t) => ({ url: defined.get(t.attributes.resid)?.value ?? "", size: Number(t.attributes.size) })),
    ];
    const actual = declared.map(({ url, size }) => {
      const file = assetFile(url);
      return { url, size, found: fs.existsSync(file) ? pngSize(file) : "missing" };
    });
    expect(actual).toEqual(declared.map(({ url, size }) => ({ url, size, found: { width: size, height: size } })));
  });

  it("gives the ribbon button icons at 16, 32 and 80 pixels", () => {
    const sizes = tags(section(manifest, "Control"))
      .filter((t) => t.name === "bt:Image")
      .map((t) => t.attributes.size);
    expect(sizes.sort()).toEqual(["16", "32", "80"]);
  });

  it("serves every add-in URL from the dev origin, so the production build rewrites them all", () => {
    const urls = tags(manifest)
      .map((t) => t.attributes.DefaultValue)
      .filter((value): value is string => value !== undefined && /^https?:/.test(value));
    expect(urls.filter((url) => !url.startsWith(DEV_ORIGIN))).toEqual([]);
    expect(defaultValueOf("SourceLocation")).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  it("is named and described in Vietnamese, in NFC", () => {
    expect(textOf(manifest, "DefaultLocale")).toBe("vi-VN");
    expect(defaultValueOf("DisplayName")).toBe("Tổng hợp báo cáo Bình dân học vụ số");
    const userVisible = [
      defaultValueOf("DisplayName"),
      defaultValueOf("Description"),
      textOf(manifest, "ProviderName"),
      ...[...definedResources().values()].filter((r) => r.kind.endsWith("string")).map((r) => r.value),
    ];
    expect(userVisible.filter((text) => !VIETNAMESE_LETTER.test(text))).toEqual([]);
    expect(userVisible.filter((text) => text !== text.normalize("NFC"))).toEqual([]);
  });

  it("opens the task pane from a 'Tổng hợp báo cáo' button on the Home tab", () => {
    const sequence = tags(manifest);
    const homeTab = sequence.findIndex((t) => t.name === "OfficeTab" && t.attributes.id === "TabHome");
    const button = sequence.findIndex((t, i) => i > homeTab && t.name === "Control" && t.attributes["xsi:type"] === "Button");
    const action = sequence.find((t, i) => i > button && t.name === "Action");
    const label = sequence.find((t, i) => i > button && t.name === "Label");
    expect(homeTab).toBeGreaterThanOrEqual(0);
    expect(button).toBeGreaterThan(homeTab);
    expect(action?.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(definedResources().get(label?.attributes.resid ?? "")?.value).toBe("Tổng hợp báo cáo");
  });

  it("runs in Excel 2019 / Microsoft 365 / Excel on the web: workbook host, ExcelApi 1.7, read-write", () => {
    const hosts = tags(section(manifest, "Hosts")).filter((t) => t.name === "Host").map((t) => t.attributes.Name);
    const sets = tags(section(manifest, "Requirements")).filter((t) => t.name === "Set").map((t) => t.attributes);
    expect(hosts).toEqual(["Workbook"]);
    expect(sets).toEqual([{ Name: "ExcelApi", MinVersion: "1.7" }]);
    expect(textOf(manifest, "Permissions")).toBe("ReadWriteDocument");
  });
});
