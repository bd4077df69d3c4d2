const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** AWS's "<user>_credentials.csv" for console access: User name, Password, Console sign-in URL. */
export function credentialsCsv(userName: string, password: string, signInUrl: string): string {
  return ["User name,Password,Console sign-in URL", [userName, password, signInUrl].map(cell).join(",")].join("\n") + "\n";
}

/** Saves the file in the browser only: the password never travels to the server again. */
export function downloadCsv(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
