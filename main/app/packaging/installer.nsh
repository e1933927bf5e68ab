; Included by electron-builder's NSIS installer (installer.nsh in buildResources).
; SHELL_CONTEXT is HKLM for a per-machine install (/allusers) and HKCU for a per-user one.
;
; atende:// is Atende's own scheme: registered outright.
; tel: and callto: belong to whichever dialer the user or IT picks: Atende is only offered as a
; choice (Capabilities + RegisteredApplications, listed under Settings > Default apps), never
; taken over. IT can make it the default with a default-associations GPO.

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\atende" "" "URL:Atende link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\atende" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\atende\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\atende\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'

  WriteRegStr SHELL_CONTEXT "Software\Classes\Atende.Dial" "" "Atende: call"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Atende.Dial" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\Atende.Dial\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Atende.Dial\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHELL_CONTEXT "Software\Atende\Capabilities" "ApplicationName" "Atende"
  WriteRegStr SHELL_CONTEXT "Software\Atende\Capabilities" "ApplicationDescription" "Atende contact center"
  WriteRegStr SHELL_CONTEXT "Software\Atende\Capabilities\URLAssociations" "tel" "Atende.Dial"
  WriteRegStr SHELL_CONTEXT "Software\Atende\Capabilities\URLAssociations" "callto" "Atende.Dial"
  WriteRegStr SHELL_CONTEXT "Software\RegisteredApplications" "Atende" "Software\Atende\Capabilities"
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first: keep the registration for the new version.
  ${ifNot} ${isUpdated}
    DeleteRegKey SHELL_CONTEXT "Software\Classes\atende"
    DeleteRegKey SHELL_CONTEXT "Software\Classes\Atende.Dial"
    DeleteRegKey SHELL_CONTEXT "Software\Atende\Capabilities"
    DeleteRegValue SHELL_CONTEXT "Software\RegisteredApplications" "Atende"
  ${endIf}
!macroend
