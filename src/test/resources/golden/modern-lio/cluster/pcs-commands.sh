#!/bin/sh
# The Pacemaker configuration of cluster tandem as pcs 0.11 commands.
# Equivalent to cib.xml beside this file. Run on one node once corosync and pacemaker are up
# and Tandem's agents (/usr/lib/ocf/resource.d/tandem/) are on both nodes.
# Passwords never go on a command line, where ps shows them to every user of the node:
# resources are created with SET-BELOW in their place, and the values are written into
# the CIB file at the end through cibadmin's standard input.
set -eu
umask 077 # the CIB file may hold passwords
pcs cluster cib /root/tandem-cib.xml
pcs -f /root/tandem-cib.xml property set stonith-enabled=false
pcs -f /root/tandem-cib.xml property set no-quorum-policy=stop
pcs -f /root/tandem-cib.xml property set load-threshold=1000%
pcs -f /root/tandem-cib.xml property set node-action-limit=8
pcs -f /root/tandem-cib.xml resource defaults update resource-stickiness=100
pcs -f /root/tandem-cib.xml resource defaults update failure-timeout=120s
pcs -f /root/tandem-cib.xml resource op defaults update timeout=120s
pcs -f /root/tandem-cib.xml resource create drbd_r0 ocf:tandem:Drbd84 --no-default-ops drbd_resource=r0 minor=0 ignore_missing_notifications=true op start timeout=240s op stop timeout=120s op promote timeout=120s op demote timeout=120s op monitor interval=29s timeout=120s role=Promoted start-delay=20s op monitor interval=31s timeout=120s role=Unpromoted start-delay=20s promotable promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1
pcs -f /root/tandem-cib.xml resource create drbd_r1 ocf:tandem:Drbd84 --no-default-ops drbd_resource=r1 minor=1 ignore_missing_notifications=true op start timeout=240s op stop timeout=120s op promote timeout=120s op demote timeout=120s op monitor interval=29s timeout=120s role=Promoted start-delay=20s op monitor interval=31s timeout=120s role=Unpromoted start-delay=20s promotable promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1
pcs -f /root/tandem-cib.xml resource create p_target ocf:tandem:LioTarget --no-default-ops iqn=iqn.2024-01.test.lab:store portals=192.168.50.100:3260 'luns=0:/dev/drbd0:5a7c00000001:tandem-r0 1:/dev/drbd1:5a7c00000002:tandem-r1' allowed_initiators=iqn.2024-01.test.lab:client incoming_username=labclient incoming_password=SET-BELOW outgoing_username=labtarget outgoing_password=SET-BELOW 'session_parameters=MaxConnections=1 InitialR2T=Yes ImmediateData=Yes MaxRecvDataSegmentLength=262144 MaxXmitDataSegmentLength=262144 MaxBurstLength=1048576 FirstBurstLength=65536 DefaultTime2Wait=2 DefaultTime2Retain=20 MaxOutstandingR2T=1 DataPDUInOrder=Yes DataSequenceInOrder=Yes ErrorRecoveryLevel=0 HeaderDigest=None DataDigest=None' op monitor interval=10s timeout=120s start-delay=20s --group g_iscsi
pcs -f /root/tandem-cib.xml resource create p_vip ocf:tandem:VirtualIp --no-default-ops ip=192.168.50.100 cidr_netmask=24 nic=bond0 op monitor interval=10s timeout=120s --group g_iscsi
pcs -f /root/tandem-cib.xml constraint colocation add g_iscsi with Promoted drbd_r0-clone INFINITY id=col_g_iscsi_with_drbd_r0-clone
pcs -f /root/tandem-cib.xml constraint colocation add g_iscsi with Promoted drbd_r1-clone INFINITY id=col_g_iscsi_with_drbd_r1-clone
pcs -f /root/tandem-cib.xml constraint colocation add Promoted drbd_r1-clone with Promoted drbd_r0-clone INFINITY id=col_drbd_r1-clone_promoted_with_drbd_r0-clone
pcs -f /root/tandem-cib.xml constraint order promote drbd_r0-clone then start g_iscsi id=ord_drbd_r0-clone_before_g_iscsi
pcs -f /root/tandem-cib.xml constraint order promote drbd_r1-clone then start g_iscsi id=ord_drbd_r1-clone_before_g_iscsi
pcs -f /root/tandem-cib.xml constraint location g_iscsi prefers node1=100
CIB_file=/root/tandem-cib.xml cibadmin --modify --xml-pipe <<'EOF'
<nvpair id="p_target-instance_attributes-incoming_password" name="incoming_password" value="&lt;redacted:chap-incoming-secret&gt;"/>
EOF
CIB_file=/root/tandem-cib.xml cibadmin --modify --xml-pipe <<'EOF'
<nvpair id="p_target-instance_attributes-outgoing_password" name="outgoing_password" value="&lt;redacted:chap-outgoing-secret&gt;"/>
EOF
pcs cluster cib-push /root/tandem-cib.xml --config
