<#-- Tandem's list of bundled libraries (license-maven-plugin add-third-party, pom.xml), read by
     io.tandem.build.ThirdPartyLicences: one library a line, fields separated by tabs:
     name, groupId:artifactId, version, project URL, licences separated by " | ". -->
# Libraries bundled with Tandem and their licences, from their Maven POMs at build time.
<#list dependencyMap as entry>
<#assign library = entry.getKey()/>
${(library.name!library.artifactId)?replace("\t", " ")}	${library.groupId}:${library.artifactId}	${library.version}	${library.url!""}	${entry.getValue()?join(" | ")}
</#list>
