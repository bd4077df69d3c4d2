"use client";

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Saves rows as a .csv file in the browser; the data never goes through a URL or the server. */
export function downloadCsv(fileName: string, header: string[], rows: string[][], eol = "\r\n") {
  const text = [header, ...rows].map((r) => r.map(cell).join(",")).join(eol) + eol;
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** AWS's "<user>_credentials.csv" for console access: user name, password and the console sign-in URL. */
export function downloadCredentialsCsv(userName: string, password: string, signInUrl: string, eol?: string) {
  downloadCsv(`${userName}_credentials.csv`, ["User name", "Password", "Console sign-in URL"], [[userName, password, signInUrl]], eol);
}
