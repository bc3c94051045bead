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
pcs -f /root/tandem-cib.xml property set stonith-enabled=true
pcs -f /root/tandem-cib.xml property set no-quorum-policy=stop
pcs -f /root/tandem-cib.xml property set load-threshold=1000%
pcs -f /root/tandem-cib.xml property set node-action-limit=18
pcs -f /root/tandem-cib.xml resource defaults update resource-stickiness=100
pcs -f /root/tandem-cib.xml resource defaults update failure-timeout=120s
pcs -f /root/tandem-cib.xml resource op defaults update timeout=120s
pcs -f /root/tandem-cib.xml resource create drbd_r0 ocf:linbit:drbd --no-default-ops drbd_resource=r0 ignore_missing_notifications=true op start timeout=240s op stop timeout=120s op promote timeout=120s op demote timeout=120s op monitor interval=29s timeout=120s role=Promoted start-delay=20s op monitor interval=31s timeout=120s role=Unpromoted start-delay=20s promotable promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1
pcs -f /root/tandem-cib.xml resource create drbd_r1 ocf:linbit:drbd --no-default-ops drbd_resource=r1 ignore_missing_notifications=true op start timeout=240s op stop timeout=120s op promote timeout=120s op demote timeout=120s op monitor interval=29s timeout=120s role=Promoted start-delay=20s op monitor interval=31s timeout=120s role=Unpromoted start-delay=20s promotable promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1
pcs -f /root/tandem-cib.xml resource create p_block ocf:tandem:portblock --no-default-ops action=block protocol=tcp portno=3260 ip=192.168.50.100 op monitor interval=10s timeout=120s start-delay=20s --group g_iscsi
pcs -f /root/tandem-cib.xml resource create p_vip ocf:tandem:VirtualIp --no-default-ops ip=192.168.50.100 cidr_netmask=24 nic=bond0 op monitor interval=10s timeout=120s start-delay=20s --group g_iscsi
pcs -f /root/tandem-cib.xml resource create p_target ocf:heartbeat:iSCSITarget --no-default-ops implementation=tgt iqn=iqn.2024-01.test.lab:store tid=1 allowed_initiators=192.168.50.0/24 incoming_username=labclient incoming_password=SET-BELOW 'additional_parameters=MaxConnections=1 InitialR2T=Yes ImmediateData=Yes MaxRecvDataSegmentLength=262144 MaxXmitDataSegmentLength=262144 MaxBurstLength=1048576 FirstBurstLength=65536 DefaultTime2Wait=2 DefaultTime2Retain=20 MaxOutstandingR2T=1 DataPDUInOrder=Yes DataSequenceInOrder=Yes ErrorRecoveryLevel=0 HeaderDigest=None DataDigest=None' op monitor interval=10s timeout=120s start-delay=20s --group g_iscsi
pcs -f /root/tandem-cib.xml resource create p_lun1 ocf:heartbeat:iSCSILogicalUnit --no-default-ops implementation=tgt target_iqn=iqn.2024-01.test.lab:store lun=1 path=/dev/drbd0 scsi_sn=5a7c00000001 product_id=tandem-r0 op monitor interval=10s timeout=120s start-delay=20s --group g_iscsi
pcs -f /root/tandem-cib.xml resource create p_lun2 ocf:heartbeat:iSCSILogicalUnit --no-default-ops implementation=tgt target_iqn=iqn.2024-01.test.lab:store lun=2 path=/dev/drbd1 scsi_sn=5a7c00000002 product_id=tandem-r1 op monitor interval=10s timeout=120s start-delay=20s --group g_iscsi
pcs -f /root/tandem-cib.xml resource create p_mutual_chap ocf:tandem:TgtMutualChap --no-default-ops tid=1 username=labtarget password=SET-BELOW op monitor interval=10s timeout=120s start-delay=20s --group g_iscsi
pcs -f /root/tandem-cib.xml resource create p_unblock ocf:tandem:portblock --no-default-ops action=unblock protocol=tcp portno=3260 ip=192.168.50.100 op monitor interval=10s timeout=120s --group g_iscsi
pcs -f /root/tandem-cib.xml stonith create fence_node1 fence_ipmilan ip=10.99.0.11 username=admin password=SET-BELOW lanplus=1 pcmk_host_list=node1 pcmk_delay_base=15s op monitor interval=60s timeout=120s
pcs -f /root/tandem-cib.xml stonith create fence_node2 fence_ipmilan ip=10.99.0.12 username=admin password=SET-BELOW lanplus=1 pcmk_host_list=node2 op monitor interval=60s timeout=120s
pcs -f /root/tandem-cib.xml constraint colocation add g_iscsi with Promoted drbd_r0-clone INFINITY id=col_g_iscsi_with_drbd_r0-clone
pcs -f /root/tandem-cib.xml constraint colocation add g_iscsi with Promoted drbd_r1-clone INFINITY id=col_g_iscsi_with_drbd_r1-clone
pcs -f /root/tandem-cib.xml constraint colocation add Promoted drbd_r1-clone with Promoted drbd_r0-clone INFINITY id=col_drbd_r1-clone_promoted_with_drbd_r0-clone
pcs -f /root/tandem-cib.xml constraint order promote drbd_r0-clone then start g_iscsi id=ord_drbd_r0-clone_before_g_iscsi
pcs -f /root/tandem-cib.xml constraint order promote drbd_r1-clone then start g_iscsi id=ord_drbd_r1-clone_before_g_iscsi
pcs -f /root/tandem-cib.xml constraint location g_iscsi prefers node1=100
pcs -f /root/tandem-cib.xml constraint location fence_node1 avoids node1=INFINITY
pcs -f /root/tandem-cib.xml constraint location fence_node2 avoids node2=INFINITY
CIB_file=/root/tandem-cib.xml cibadmin --modify --xml-pipe <<'EOF'
<nvpair id="p_target-instance_attributes-incoming_password" name="incoming_password" value="&lt;redacted:chap-incoming-secret&gt;"/>
EOF
CIB_file=/root/tandem-cib.xml cibadmin --modify --xml-pipe <<'EOF'
<nvpair id="p_mutual_chap-instance_attributes-password" name="password" value="&lt;redacted:chap-outgoing-secret&gt;"/>
EOF
CIB_file=/root/tandem-cib.xml cibadmin --modify --xml-pipe <<'EOF'
<nvpair id="fence_node1-instance_attributes-password" name="password" value="&lt;redacted:fence-node1-password&gt;"/>
EOF
CIB_file=/root/tandem-cib.xml cibadmin --modify --xml-pipe <<'EOF'
<nvpair id="fence_node2-instance_attributes-password" name="password" value="&lt;redacted:fence-node2-password&gt;"/>
EOF
pcs cluster cib-push /root/tandem-cib.xml --config
