// Japanese words for the API's enum values and field names.

export const ORGANIZATION_KIND = {
  ORGANIZATION_KIND_COMPANY: "企業",
  ORGANIZATION_KIND_ACADEMIC: "大学・高専",
  ORGANIZATION_KIND_PUBLIC_RESEARCH: "公設試験研究機関",
  ORGANIZATION_KIND_SUPPORT_BODY: "支援機関・団体",
  ORGANIZATION_KIND_FINANCIAL: "金融機関",
  ORGANIZATION_KIND_GOVERNMENT: "行政",
};

export const SITE_KIND = {
  SITE_KIND_HEAD_OFFICE: "本社",
  SITE_KIND_PLANT: "工場",
  SITE_KIND_OFFICE: "事業所・営業所",
  SITE_KIND_LABORATORY: "研究所",
  SITE_KIND_OTHER: "その他",
};

export const BCP_STATUS = {
  BCP_STATUS_NONE: "未策定",
  BCP_STATUS_IN_PROGRESS: "策定中",
  BCP_STATUS_ESTABLISHED: "策定済み",
};

export const PERSON_ROLE = {
  PERSON_ROLE_RESEARCHER: "研究者",
  PERSON_ROLE_CONTACT: "窓口担当者",
  PERSON_ROLE_COORDINATOR: "コーディネーター",
};

export const IP_STATUS = {
  IP_STATUS_NONE: "なし",
  IP_STATUS_PATENT_PENDING: "特許出願中",
  IP_STATUS_PATENTED: "特許登録済み",
  IP_STATUS_KNOW_HOW: "ノウハウ",
};

export const NEED_STATUS = {
  NEED_STATUS_OPEN: "受付中",
  NEED_STATUS_MATCHED: "相手が見つかった",
  NEED_STATUS_CLOSED: "終了",
};

export const VISIBILITY = {
  VISIBILITY_PUBLIC: "公開（ログインした全員）",
  VISIBILITY_COORDINATORS: "コーディネーターのみ",
};

export const COLLABORATION_TYPE = {
  COLLABORATION_TYPE_JOINT_RESEARCH: "共同研究",
  COLLABORATION_TYPE_COMMISSIONED_RESEARCH: "受託研究",
  COLLABORATION_TYPE_TECHNICAL_CONSULTATION: "技術相談",
  COLLABORATION_TYPE_TESTING_ANALYSIS: "試験分析",
  COLLABORATION_TYPE_JOINT_DEVELOPMENT: "共同開発",
  COLLABORATION_TYPE_OTHER: "その他",
};

export const PARTICIPANT_ROLE = {
  PARTICIPANT_ROLE_LEAD: "代表",
  PARTICIPANT_ROLE_PARTNER: "共同実施",
  PARTICIPANT_ROLE_CLIENT: "依頼者",
  PARTICIPANT_ROLE_FUNDER: "資金提供",
  PARTICIPANT_ROLE_COORDINATOR: "コーディネート",
};

export const OUTCOME_KIND = {
  OUTCOME_KIND_NEW_PRODUCT: "新製品",
  OUTCOME_KIND_NEW_TECHNOLOGY: "新技術",
  OUTCOME_KIND_PATENT_APPLICATION: "特許出願",
  OUTCOME_KIND_PATENT: "特許",
  OUTCOME_KIND_PAPER: "論文",
  OUTCOME_KIND_PROTOTYPE: "試作品",
  OUTCOME_KIND_OTHER: "その他",
};

export const MEMBER_ROLE = {
  MEMBER_ROLE_PRESIDENT: "会長",
  MEMBER_ROLE_VICE_PRESIDENT: "副会長",
  MEMBER_ROLE_DIRECTOR: "理事",
  MEMBER_ROLE_SECRETARY: "幹事",
  MEMBER_ROLE_AUDITOR: "監事",
  MEMBER_ROLE_MEMBER: "会員",
  MEMBER_ROLE_SUPPORTING_MEMBER: "賛助会員",
  MEMBER_ROLE_ADVISOR: "顧問",
  MEMBER_ROLE_SECRETARIAT: "事務局",
};

export const FEEDBACK_LABEL = {
  FEEDBACK_LABEL_USEFUL: "役に立つ",
  FEEDBACK_LABEL_NOT_USEFUL: "役に立たない",
  FEEDBACK_LABEL_CONTACTED: "連絡した",
  FEEDBACK_LABEL_BECAME_COLLABORATION: "連携になった",
};

export const ROLE = {
  ROLE_ADMIN: "管理者",
  ROLE_COORDINATOR: "コーディネーター",
  ROLE_IMPORTER: "取込",
  ROLE_COMPANY: "企業",
  ROLE_READER: "閲覧",
};

export const IMPORT_ACTION = {
  IMPORT_ACTION_CREATED: "新規作成",
  IMPORT_ACTION_LINKED: "既存と一致",
  IMPORT_ACTION_UPDATED: "既存を更新",
  IMPORT_ACTION_AMBIGUOUS: "判断が必要",
  IMPORT_ACTION_REJECTED: "不正な行",
  IMPORT_ACTION_UNMATCHED: "該当なし",
  IMPORT_ACTION_SKIPPED: "取り込まない",
};

// The parts of a suggestion's score (match.proto Signal.name).
export const SIGNAL = {
  text: "本文の一致",
  field: "分野の一致",
  graph: "つながり（共通の団体・過去の連携）",
  locality: "地域の近さ",
  feedback: "これまでの評価",
  researcher: "同じ研究者の他のシーズ",
};

export const DISTRICTS = ["一関", "花泉", "大東", "千厩", "東山", "川崎", "室根", "藤沢"];

// Snippet fields of SearchHit.
export const SNIPPET_FIELD = {
  title: "名称",
  keywords: "キーワード",
  summary: "概要",
  body: "本文",
};

// A label, or the value itself when it has none; "" for an unset enum.
export function label(table, value) {
  if (!value || String(value).endsWith("_UNSPECIFIED")) return "";
  return table[value] || value;
}
