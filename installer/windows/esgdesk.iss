; Inno Setup 6 script for ESG Desk (esgdesk): a per-user setup from the PyInstaller folder dist\esgdesk.
;
;   pyinstaller --noconfirm installer\esgdesk.spec
;   iscc /DAppVersion=0.1.0 installer\windows\esgdesk.iss   → dist\ESG-Desk-0.1.0-windows-x64-setup.exe
;
; Signing (optional): define a sign tool named "esgsign" on the command line and pass /DSign, e.g.
;   iscc "/Sesgsign=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f cert.pfx /p PASS $f" /DSign ...
; Inno Setup then signs the setup and its uninstaller with it. See installer\README.md.
;
; Identity (must match installer\esgdesk.spec, installer\macos\Info.plist, src\esgdesk\ui\about.py):
; name "ESG Desk", executable esgdesk, organisation "esgdesk team", bundle id org.esgdesk.esgdesk.

#ifndef AppVersion
  #define AppVersion "0.0.0"
  #pragma warning "AppVersion not given: pass /DAppVersion=X.Y.Z (the release workflow reads it from pyproject.toml)"
#endif
#define AppName "ESG Desk"
#define AppPublisher "esgdesk team"
#define AppExeName "esgdesk-gui.exe"
#define CliExeName "esgdesk.exe"
#define SourceDir "..\..\dist\esgdesk"
#define ProgId "ESGDesk.Bundle"

; Korean became one of Inno Setup's official translations in 6.3; an older compiler has no Korean.isl.
#if !FileExists(CompilerPath + "Languages\Korean.isl")
  #error "This Inno Setup has no Languages\Korean.isl: install Inno Setup 6.3 or newer"
#endif
#if !FileExists(AddBackslash(SourcePath) + SourceDir + "\" + AppExeName)
  #error "dist\esgdesk\esgdesk-gui.exe is missing: run pyinstaller installer\esgdesk.spec first"
#endif

[Setup]
; AppId identifies the app across versions (upgrades, the uninstaller); never change it.
AppId={{8F3C2B1E-5D4A-4E7B-9C61-2A7D0E5B9F14}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=© {#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription={#AppName} Setup
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
; Per-user by default: analysts rarely have administrator rights. The dialog lets one who does install for all.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=ESG-Desk-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\esgdesk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; The .esgd association changes Explorer's view; tell it.
ChangesAssociations=yes
; A running ESG Desk is closed (and restarted afterwards) rather than left holding its files.
CloseApplications=yes
RestartApplications=yes
ShowLanguageDialog=auto
#ifdef Sign
SignTool=esgsign
SignedUninstaller=yes
#endif

[Languages]
Name: "ko"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ko.AssociateBundles=ESG Desk 번들 파일(.esgd)을 ESG Desk로 열기
en.AssociateBundles=Open ESG Desk bundle files (.esgd) with ESG Desk
ko.BundleTypeName=ESG Desk 번들
en.BundleTypeName=ESG Desk bundle
ko.LaunchDemo=ESG Desk 실행
en.LaunchDemo=Launch ESG Desk

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:AssociateBundles}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole PyInstaller folder: both executables and _internal\ (Python, Qt, resources, migrations).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\THIRD_PARTY_LICENSES.md"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale, so no file of an older Qt or Python lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; AppUserModelID: "org.esgdesk.esgdesk"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon; AppUserModelID: "org.esgdesk.esgdesk"

[Registry]
; .esgd → ESG Desk, under HKCU for a per-user install and HKLM for all users (HKA picks the right one).
Root: HKA; Subkey: "Software\Classes\.esgd"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.esgd\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BundleTypeName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".esgd"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchDemo}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the app itself left in its folder; the user's archive lives in the user data folder and stays.
Type: filesandordirs; Name: "{app}\_internal"
