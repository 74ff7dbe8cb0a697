/**
 * People's names as they are read. A Chinese name is written family name first and without a
 * space (李晓雯, stored as lastname 李, firstname 晓雯); a name in Latin letters keeps the
 * Western order (Wang Ming). Shared by the server (names in audit entries and API answers) and
 * the admin panel (which swaps Strapi's own display-name and initials functions for these), so
 * every screen names a person the same way.
 */
export type NamedPerson = {
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
};

// Han characters, plus the middle dot of transcribed names (阿依古丽·买买提).
const HAN_NAME = /^[\p{Script=Han}·・]+$/u;

const isHanName = (part: string): boolean => HAN_NAME.test(part);

/** The full name: 李晓雯 for a Chinese name, "Wang Ming" otherwise; '' when neither part is given. */
export const fullName = (person: NamedPerson): string => {
  const firstname = person.firstname?.trim() ?? '';
  const lastname = person.lastname?.trim() ?? '';
  if (firstname && lastname && isHanName(firstname) && isHanName(lastname))
    return `${lastname}${firstname}`;
  return `${firstname} ${lastname}`.trim();
};

/**
 * How a person is named on screen: the sign-in name they chose if any (as Strapi does), else
 * their full name, else their email.
 */
export const displayName = (person: NamedPerson): string =>
  person.username?.trim() || fullName(person) || person.email?.trim() || '';

/**
 * The letters in a person's avatar. For a Chinese name, the last two characters of the full name
 * (晓雯 for 李晓雯, 刘佳 for 刘佳), as DingTalk and Feishu do: colleagues often share a family
 * name, rarely a given name. Otherwise the first letters of first and last name (WM), as Strapi does.
 */
export const nameInitials = (person: NamedPerson): string => {
  const name = displayName(person);
  const characters = Array.from(name);
  if (characters.length > 0 && isHanName(name)) return characters.slice(-2).join('');
  const firstname = person.firstname?.trim() ?? '';
  const lastname = person.lastname?.trim() ?? '';
  if (firstname && lastname && !person.username?.trim())
    return `${Array.from(firstname)[0]}${Array.from(lastname)[0]}`.toUpperCase();
  return (characters[0] ?? '').toUpperCase();
};
