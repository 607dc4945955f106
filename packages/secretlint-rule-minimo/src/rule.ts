// The secretlint rule: every Minimo-key-shaped value in a file, from @minimo/client's one pattern.
// The message shows the client id (not secret, per Minimo's docs) and never the secret part.
import { MINIMO_KEY_REGEX_SOURCE } from "@minimo/client";
import type { SecretLintRuleCreator, SecretLintSourceCode } from "@secretlint/types";

export const RULE_ID = "@minimo/secretlint-rule-minimo";

const messages = {
  MinimoApiKey: {
    en: (props: { CLIENT_ID: string; KEY: string }) =>
      `found a Minimo API key (client id ${props.CLIENT_ID}): keep keys in environment variables or a vault, never in files; rotate this one`,
  },
};

export const creator: SecretLintRuleCreator = {
  messages,
  meta: {
    id: RULE_ID,
    recommended: true,
    type: "scanner",
    supportedContentTypes: ["text"],
    docs: { url: "https://github.com/minimo-monitoring/minimo-monitoring/tree/main/packages/secretlint-rule-minimo#readme" },
  },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source: SecretLintSourceCode) {
        for (const m of source.content.matchAll(new RegExp(MINIMO_KEY_REGEX_SOURCE, "g"))) {
          const key = m[0];
          const index = m.index;
          context.report({ message: t("MinimoApiKey", { CLIENT_ID: key.slice(3, key.indexOf("-", 3)), KEY: key }), range: [index, index + key.length] });
        }
      },
    };
  },
};
