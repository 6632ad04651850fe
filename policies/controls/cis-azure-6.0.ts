import { defineCatalog } from './types';

/*
 * CIS Microsoft Azure Foundations Benchmark v6.0.0: its 127 recommendations, ids and titles as the
 * benchmark numbers them. No recommendation is numbered under sections 1 and 4 in this version; CIS
 * publishes separate Azure Compute Services and Database Services benchmarks.
 *
 * Verified 2026-12-04 against two independent transcriptions of the benchmark, which agree on the 127
 * ids and their titles:
 * - prowler-cloud/prowler `prowler/compliance/azure/cis_6.0_azure.json` (added 2026-06-29, commit
 *   dc432c8c3a): "CIS Microsoft Azure Foundations Benchmark v6.0.0", 127 requirements with section,
 *   subsection, profile and assessment status;
 * - vegazbabz/CISAzureBenchmark-PS `Private/Controls.ps1` (v6.0.0, 127 controls, each with its page
 *   in the benchmark PDF).
 * Monkey365 (silverhack/monkey365, ruleset `cis_azure_6.0.json`) also ships v6.0.0. CIS publishes the
 * benchmark itself at the URL below, behind registration.
 *
 * `notAssertable` marks what configuration cannot show: tenant-wide Entra ID settings, periodic reviews,
 * and settings kept by a service outside Azure Resource Manager (Databricks workspace internals).
 */

const URL = 'https://www.cisecurity.org/benchmark/azure';

export default defineCatalog({
  framework: 'cis-azure-6.0',
  name: 'CIS Microsoft Azure Foundations Benchmark',
  version: '6.0.0',
  url: URL,
  clouds: ['azure'],
  groups: [
    { id: '2', title: 'Analytics Services' },
    { id: '2.1', title: 'Azure Databricks', parent: '2' },
    { id: '3', title: 'Compute Services' },
    { id: '3.1', title: 'Virtual Machines', parent: '3' },
    { id: '5', title: 'Identity Services' },
    { id: '5.1', title: 'Security Defaults (Per-User MFA)', parent: '5' },
    { id: '5.3', title: 'Periodic Identity Reviews', parent: '5' },
    { id: '6', title: 'Management and Governance Services' },
    { id: '6.1', title: 'Logging and Monitoring', parent: '6' },
    { id: '7', title: 'Networking Services' },
    { id: '8', title: 'Security Services' },
    { id: '8.1', title: 'Microsoft Defender for Cloud', parent: '8' },
    { id: '8.2', title: 'Microsoft Defender for IoT', parent: '8' },
    { id: '8.3', title: 'Key Vault', parent: '8' },
    { id: '8.4', title: 'Azure Bastion', parent: '8' },
    { id: '9', title: 'Storage Services' },
    { id: '9.1', title: 'Azure Files', parent: '9' },
    { id: '9.2', title: 'Azure Blob Storage', parent: '9' },
    { id: '9.3', title: 'Storage Accounts', parent: '9' },
  ],
  controls: [
    {
      id: '2.1.1',
      group: '2.1',
      title: 'Ensure that Azure Databricks is deployed in a customer-managed virtual network (VNet)',
      url: URL,
    },
    {
      id: '2.1.2',
      group: '2.1',
      title: 'Ensure that Network Security Groups are Configured for Databricks Subnets',
      url: URL,
    },
    {
      id: '2.1.3',
      group: '2.1',
      title: 'Ensure that Traffic is Encrypted Between Cluster Worker Nodes',
      url: URL,
      notAssertable:
        'Encryption between Databricks worker nodes is set by cluster init scripts and Spark configuration inside the workspace, through the Databricks API; no Azure resource a program deploys carries it.',
    },
    {
      id: '2.1.4',
      group: '2.1',
      title: 'Ensure that Users and Groups are Synced from Microsoft Entra ID to Azure Databricks',
      url: URL,
      notAssertable:
        'Syncing users and groups is SCIM provisioning of an Entra ID enterprise application, a tenant setting outside the resources a program deploys.',
    },
    {
      id: '2.1.5',
      group: '2.1',
      title: 'Ensure that Unity Catalog is Configured for Azure Databricks',
      url: URL,
      notAssertable:
        'Unity Catalog is configured in the Databricks account and its metastore assignments, through the Databricks API; no Azure resource a program deploys shows it.',
    },
    {
      id: '2.1.6',
      group: '2.1',
      title: 'Ensure that Usage is Restricted and Expiry is Enforced for Databricks Personal Access Tokens',
      url: URL,
      notAssertable:
        'Personal access token limits are workspace settings kept by Databricks itself, outside the Azure resources a program deploys.',
    },
    {
      id: '2.1.7',
      group: '2.1',
      title: 'Ensure that Diagnostic Log Delivery is Configured for Azure Databricks',
      url: URL,
    },
    {
      id: '2.1.8',
      group: '2.1',
      title: 'Ensure Critical Data in Azure Databricks is Encrypted with Customer-managed Keys (CMK)',
      url: URL,
    },
    {
      id: '2.1.9',
      group: '2.1',
      title: "Ensure 'No Public IP' is Set to 'Enabled'",
      url: URL,
    },
    {
      id: '2.1.10',
      group: '2.1',
      title: "Ensure 'Allow Public Network Access' is set to 'Disabled'",
      url: URL,
    },
    {
      id: '2.1.11',
      group: '2.1',
      title: 'Ensure Private Endpoints are used to access Azure Databricks workspaces',
      url: URL,
    },
    {
      id: '2.1.12',
      group: '2.1',
      title: 'Ensure Azure Databricks groups are reviewed periodically',
      url: URL,
      notAssertable:
        'Reviewing Databricks groups is a periodic organisational activity that configuration cannot show.',
    },
    {
      id: '3.1.1',
      group: '3.1',
      title: 'Ensure only MFA Enabled Identities can Access Privileged Virtual Machine',
      url: URL,
      notAssertable:
        'Whether identities that can sign in to a virtual machine have MFA is a fact of Entra ID users and their sign-in policies, never of the machine a program deploys.',
    },
    {
      id: '5.1.1',
      group: '5.1',
      title: "Ensure that 'security defaults' is Enabled in Microsoft Entra ID",
      url: URL,
      notAssertable:
        'Security defaults are a tenant-wide Entra ID setting, outside the subscription resources a program deploys.',
    },
    {
      id: '5.1.2',
      group: '5.1',
      title:
        "Ensure that 'Require Multifactor Authentication to register or join devices with Microsoft Entra' is set to 'Yes'",
      url: URL,
      notAssertable:
        'Requiring MFA to register or join devices is a tenant-wide Entra ID device setting, outside the resources a program deploys.',
    },
    {
      id: '5.1.3',
      group: '5.1',
      title: "Ensure that 'multifactor authentication' is 'enabled' For All Users",
      url: URL,
      notAssertable:
        'Whether every user has MFA is a fact of each Entra ID user and the tenant policies, never of the resources a program deploys.',
    },
    {
      id: '5.1.4',
      group: '5.1',
      title:
        "Ensure that 'Allow users to remember multifactor authentication on devices they trust' is Disabled",
      url: URL,
      notAssertable:
        'Remembering MFA on trusted devices is a tenant-wide Entra ID multifactor setting, outside the resources a program deploys.',
    },
    {
      id: '5.3.1',
      group: '5.3',
      title: 'Ensure that Azure Admin Accounts Are Not Used for Daily Operations',
      url: URL,
      notAssertable:
        'Whether admin accounts are used for daily work is a matter of how people sign in, which configuration cannot show.',
    },
    {
      id: '5.3.2',
      group: '5.3',
      title: 'Ensure that Guest Users are Reviewed on a Regular Basis',
      url: URL,
      notAssertable:
        'Reviewing guest users is a periodic organisational activity that configuration cannot show.',
    },
    {
      id: '5.3.3',
      group: '5.3',
      title: "Ensure That Use of the 'User Access Administrator' Role is Restricted",
      url: URL,
      notAssertable:
        'Who holds User Access Administrator (elevated access at root scope) is a tenant-wide fact: a program shows the assignments it declares, never that no one else holds the role.',
    },
    {
      id: '5.3.4',
      group: '5.3',
      title: "Ensure that All 'Privileged' Role Assignments are Periodically Reviewed",
      url: URL,
      notAssertable:
        'Reviewing privileged role assignments is a periodic organisational activity that configuration cannot show.',
    },
    {
      id: '5.3.5',
      group: '5.3',
      title: 'Ensure Disabled User Accounts do not Have Read, Write, or Owner Permissions',
      url: URL,
      notAssertable:
        'Whether a user account is disabled is a fact of Entra ID users, never of the role assignments a program declares.',
    },
    {
      id: '5.3.6',
      group: '5.3',
      title: "Ensure 'Tenant Creator' Role Assignments are Periodically Reviewed",
      url: URL,
      notAssertable:
        'Reviewing Tenant Creator assignments is a periodic organisational activity that configuration cannot show.',
    },
    {
      id: '5.3.7',
      group: '5.3',
      title: 'Ensure All Non-privileged Role Assignments are Periodically Reviewed',
      url: URL,
      notAssertable:
        'Reviewing non-privileged role assignments is a periodic organisational activity that configuration cannot show.',
    },
    {
      id: '5.4',
      group: '5',
      title: 'Ensure that No Custom Subscription Administrator Roles Exist',
      url: URL,
    },
    {
      id: '5.5',
      group: '5',
      title: 'Ensure that a Custom Role is Assigned Permissions for Administering Resource Locks',
      url: URL,
      notAssertable:
        'Whether a custom role for administering resource locks exists and is assigned to the right people is an organisational decision spanning the subscription; a program shows only the roles it declares.',
    },
    {
      id: '5.6',
      group: '5',
      title:
        "Ensure that 'Subscription leaving Microsoft Entra tenant' and 'Subscription entering Microsoft Entra tenant' is set to 'Permit no one'",
      url: URL,
      notAssertable:
        'Moving subscriptions into or out of the tenant is governed by a tenant-wide subscription policy, outside the resources a program deploys.',
    },
    {
      id: '5.7',
      group: '5',
      title: 'Ensure there are between 2 and 3 Subscription Owners',
      url: URL,
      notAssertable:
        'The number of subscription owners is a subscription-wide fact: a program shows the assignments it declares, never every owner of the subscription.',
    },
    {
      id: '6.1.1.1',
      group: '6.1',
      title: "Ensure that a 'Diagnostic Setting' Exists for Subscription Activity Logs",
      url: URL,
    },
    {
      id: '6.1.1.2',
      group: '6.1',
      title: 'Ensure Diagnostic Setting Captures Appropriate Categories',
      url: URL,
    },
    {
      id: '6.1.1.3',
      group: '6.1',
      title:
        'Ensure the Storage Account Containing the Container with Activity Logs is Encrypted with Customer-managed Key (CMK)',
      url: URL,
    },
    {
      id: '6.1.1.4',
      group: '6.1',
      title: "Ensure that Logging for Azure Key Vault is 'Enabled'",
      url: URL,
    },
    {
      id: '6.1.1.5',
      group: '6.1',
      title: 'Ensure that Network Security Group Flow Logs are Captured and Sent to Log Analytics',
      url: URL,
    },
    {
      id: '6.1.1.6',
      group: '6.1',
      title: 'Ensure that Virtual Network Flow Logs are Captured and Sent to Log Analytics',
      url: URL,
    },
    {
      id: '6.1.1.7',
      group: '6.1',
      title:
        'Ensure that a Microsoft Entra Diagnostic Setting Exists to Send Microsoft Graph Activity Logs to an Appropriate Destination',
      url: URL,
    },
    {
      id: '6.1.1.8',
      group: '6.1',
      title:
        'Ensure that a Microsoft Entra Diagnostic Setting Exists to Send Microsoft Entra Activity Logs to an Appropriate Destination',
      url: URL,
    },
    {
      id: '6.1.1.9',
      group: '6.1',
      title: 'Ensure that Intune Logs are Captured and Sent to Log Analytics',
      url: URL,
    },
    {
      id: '6.1.2.1',
      group: '6.1',
      title: 'Ensure that Activity Log Alert Exists for Create Policy Assignment',
      url: URL,
    },
    {
      id: '6.1.2.2',
      group: '6.1',
      title: 'Ensure that Activity Log Alert exists for Delete Policy Assignment',
      url: URL,
    },
    {
      id: '6.1.2.3',
      group: '6.1',
      title: 'Ensure that Activity Log Alert Exists for Create or Update Network Security Group',
      url: URL,
    },
    {
      id: '6.1.2.4',
      group: '6.1',
      title: 'Ensure that Activity Log Alert Exists for Delete Network Security Group',
      url: URL,
    },
    {
      id: '6.1.2.5',
      group: '6.1',
      title: 'Ensure that Activity Log Alert Exists for Create or Update Security Solution',
      url: URL,
    },
    {
      id: '6.1.2.6',
      group: '6.1',
      title: 'Ensure that Activity Log Alert Exists for Delete Security Solution',
      url: URL,
    },
    {
      id: '6.1.2.7',
      group: '6.1',
      title: 'Ensure that Activity Log Alert Exists for Create or Update SQL Server Firewall Rule',
      url: URL,
    },
    {
      id: '6.1.2.8',
      group: '6.1',
      title: 'Ensure that Activity Log Alert Exists for Delete SQL Server Firewall Rule',
      url: URL,
    },
    {
      id: '6.1.2.9',
      group: '6.1',
      title: 'Ensure that Activity Log Alert Exists for Create or Update Public IP Address rule',
      url: URL,
    },
    {
      id: '6.1.2.10',
      group: '6.1',
      title: 'Ensure that Activity Log Alert Exists for Delete Public IP Address rule',
      url: URL,
    },
    {
      id: '6.1.2.11',
      group: '6.1',
      title: 'Ensure that an Activity Log Alert Exists for Service Health',
      url: URL,
    },
    {
      id: '6.1.3.1',
      group: '6.1',
      title: 'Ensure Application Insights are Configured',
      url: URL,
    },
    {
      id: '6.1.4',
      group: '6.1',
      title: 'Ensure that Azure Monitor Resource Logging is Enabled for All Services that Support it',
      url: URL,
    },
    {
      id: '6.1.5',
      group: '6.1',
      title:
        'Ensure Basic, Free, and Consumption SKUs are not used on Production artifacts requiring monitoring and SLA',
      url: URL,
      notAssertable:
        "Which resources are production artifacts that need monitoring and an SLA is the owner's judgement; a SKU alone does not say it.",
    },
    {
      id: '6.2',
      group: '6',
      title: 'Ensure that Resource Locks are set for Mission-Critical Azure Resources',
      url: URL,
    },
    {
      id: '7.1',
      group: '7',
      title: 'Ensure that RDP Access from the Internet is Evaluated and Restricted',
      url: URL,
    },
    {
      id: '7.2',
      group: '7',
      title: 'Ensure that SSH Access from the Internet is Evaluated and Restricted',
      url: URL,
    },
    {
      id: '7.3',
      group: '7',
      title: 'Ensure that UDP Port Access from the Internet is Evaluated and Restricted',
      url: URL,
    },
    {
      id: '7.4',
      group: '7',
      title: 'Ensure that HTTP(S) Access from the Internet is Evaluated and Restricted',
      url: URL,
    },
    {
      id: '7.5',
      group: '7',
      title:
        'Ensure that Network Security Group Flow Log Retention Days is Set to Greater than or equal to 90',
      url: URL,
    },
    {
      id: '7.6',
      group: '7',
      title: "Ensure that Network Watcher is 'Enabled' for Azure Regions That are in Use",
      url: URL,
    },
    {
      id: '7.7',
      group: '7',
      title: 'Ensure that Public IP Addresses are Evaluated on a Periodic Basis',
      url: URL,
      notAssertable:
        'Evaluating public IP addresses periodically is an operational activity that configuration cannot show.',
    },
    {
      id: '7.8',
      group: '7',
      title: 'Ensure that Virtual Network Flow Log Retention Days is Set to Greater than or Equal to 90',
      url: URL,
    },
    {
      id: '7.9',
      group: '7',
      title:
        "Ensure 'Authentication type' is Set to 'Azure Active Directory' only for Azure VPN Gateway Point-to-Site Configuration",
      url: URL,
    },
    {
      id: '7.10',
      group: '7',
      title: 'Ensure Azure Web Application Firewall (WAF) is Enabled on Azure Application Gateway',
      url: URL,
    },
    {
      id: '7.11',
      group: '7',
      title: 'Ensure Subnets Are Associated with Network Security Groups',
      url: URL,
    },
    {
      id: '7.12',
      group: '7',
      title:
        "Ensure the SSL Policy's 'Min protocol version' is Set to 'TLSv1_2' or Higher on Azure Application Gateway",
      url: URL,
    },
    {
      id: '7.13',
      group: '7',
      title: "Ensure 'HTTP2' is Set to 'Enabled' on Azure Application Gateway",
      url: URL,
    },
    {
      id: '7.14',
      group: '7',
      title:
        'Ensure Request Body Inspection is Enabled in Azure Web Application Firewall policy on Azure Application Gateway',
      url: URL,
    },
    {
      id: '7.15',
      group: '7',
      title:
        'Ensure Bot Protection is Enabled in Azure Web Application Firewall Policy on Azure Application Gateway',
      url: URL,
    },
    {
      id: '7.16',
      group: '7',
      title:
        'Ensure Azure Network Security Perimeter is Used to Secure Azure Platform-as-a-service Resources',
      url: URL,
    },
    {
      id: '8.1.1.1',
      group: '8.1',
      title: "Ensure Microsoft Defender CSPM is Set to 'On'",
      url: URL,
    },
    {
      id: '8.1.2.1',
      group: '8.1',
      title: "Ensure Microsoft Defender for APIs is Set to 'On'",
      url: URL,
    },
    {
      id: '8.1.3.1',
      group: '8.1',
      title: "Ensure that Defender for Servers is Set to 'On'",
      url: URL,
    },
    {
      id: '8.1.3.2',
      group: '8.1',
      title: "Ensure that 'Vulnerability assessment for machines' Component Status is set to 'On'",
      url: URL,
    },
    {
      id: '8.1.3.3',
      group: '8.1',
      title: "Ensure that 'Endpoint protection' Component Status is set to 'On'",
      url: URL,
    },
    {
      id: '8.1.3.4',
      group: '8.1',
      title: "Ensure that 'Agentless scanning for machines' Component Status is Set to 'On'",
      url: URL,
    },
    {
      id: '8.1.3.5',
      group: '8.1',
      title: "Ensure that 'File Integrity Monitoring' Component Status is Set to 'On'",
      url: URL,
    },
    {
      id: '8.1.4.1',
      group: '8.1',
      title: "Ensure That Microsoft Defender for Containers Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.1.5.1',
      group: '8.1',
      title: "Ensure That Microsoft Defender for Storage Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.1.5.2',
      group: '8.1',
      title: 'Ensure Advanced Threat Protection Alerts for Storage Accounts Are Monitored',
      url: URL,
      notAssertable:
        'Monitoring threat protection alerts is an operational duty of people; configuration shows where alerts go, never that someone reads them.',
    },
    {
      id: '8.1.6.1',
      group: '8.1',
      title: "Ensure That Microsoft Defender for App Services Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.1.7.1',
      group: '8.1',
      title: "Ensure That Microsoft Defender for Azure Cosmos DB Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.1.7.2',
      group: '8.1',
      title: "Ensure That Microsoft Defender for Open-Source Relational Databases Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.1.7.3',
      group: '8.1',
      title: "Ensure That Microsoft Defender for (Managed Instance) Azure SQL Databases Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.1.7.4',
      group: '8.1',
      title: "Ensure That Microsoft Defender for SQL Servers on Machines Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.1.8.1',
      group: '8.1',
      title: "Ensure That Microsoft Defender for Key Vault Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.1.9.1',
      group: '8.1',
      title: "Ensure That Microsoft Defender for Resource Manager Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.1.10',
      group: '8.1',
      title:
        'Ensure that Microsoft Defender for Cloud is Configured to Check VM Operating Systems for Updates',
      url: URL,
    },
    {
      id: '8.1.11',
      group: '8.1',
      title:
        "Ensure that non-deprecated Microsoft Cloud Security Benchmark policies are not set to 'Disabled'",
      url: URL,
    },
    {
      id: '8.1.12',
      group: '8.1',
      title: "Ensure That 'All users with the following roles' is Set to 'Owner'",
      url: URL,
    },
    {
      id: '8.1.13',
      group: '8.1',
      title: "Ensure 'Additional email addresses' is Configured with a Security Contact Email",
      url: URL,
    },
    {
      id: '8.1.14',
      group: '8.1',
      title: "Ensure that 'Notify about alerts with the following severity (or higher)' is Enabled",
      url: URL,
    },
    {
      id: '8.1.15',
      group: '8.1',
      title: "Ensure that 'Notify about attack paths with the following risk level (or higher)' is Enabled",
      url: URL,
    },
    {
      id: '8.1.16',
      group: '8.1',
      title: 'Ensure that Microsoft Defender External Attack Surface Monitoring (EASM) is Enabled',
      url: URL,
    },
    {
      id: '8.2.1',
      group: '8.2',
      title: "Ensure That Microsoft Defender for IoT Hub Is Set To 'On'",
      url: URL,
    },
    {
      id: '8.3.1',
      group: '8.3',
      title: 'Ensure that the Expiration Date is Set for all Keys in Key Vaults using RBAC',
      url: URL,
    },
    {
      id: '8.3.2',
      group: '8.3',
      title:
        'Ensure that the Expiration Date is set for All Keys in Key Vaults using access policies (legacy)',
      url: URL,
    },
    {
      id: '8.3.3',
      group: '8.3',
      title: 'Ensure that the Expiration Date is set for All Secrets in Key Vaults using RBAC',
      url: URL,
    },
    {
      id: '8.3.4',
      group: '8.3',
      title:
        'Ensure that the Expiration Date is set for All Secrets in Key Vaults using access policies (legacy)',
      url: URL,
    },
    {
      id: '8.3.5',
      group: '8.3',
      title: "Ensure 'Purge protection' is Set to 'Enabled'",
      url: URL,
    },
    {
      id: '8.3.6',
      group: '8.3',
      title: 'Ensure that Role Based Access Control for Azure Key Vault is Enabled',
      url: URL,
    },
    {
      id: '8.3.7',
      group: '8.3',
      title: 'Ensure Public Network Access is Disabled',
      url: URL,
    },
    {
      id: '8.3.8',
      group: '8.3',
      title: 'Ensure Private Endpoints are Used to Access Azure Key Vault',
      url: URL,
    },
    {
      id: '8.3.9',
      group: '8.3',
      title: 'Ensure Automatic Key Rotation is Enabled within Azure Key Vault',
      url: URL,
    },
    {
      id: '8.3.10',
      group: '8.3',
      title: 'Ensure that Azure Key Vault Managed HSM is Used when Required',
      url: URL,
      notAssertable:
        "The benchmark leaves when a managed HSM is required to the owner's risk decision, which configuration cannot show.",
    },
    {
      id: '8.3.11',
      group: '8.3',
      title: "Ensure Certificate 'Validity Period (in months)' is Less Than or Equal to '12'",
      url: URL,
    },
    {
      id: '8.4.1',
      group: '8.4',
      title: 'Ensure an Azure Bastion Host Exists',
      url: URL,
    },
    {
      id: '8.5',
      group: '8',
      title: 'Ensure Azure DDoS Network Protection is Enabled on Virtual Networks',
      url: URL,
    },
    {
      id: '9.1.1',
      group: '9.1',
      title: 'Ensure Soft Delete for Azure File Shares is Enabled',
      url: URL,
    },
    {
      id: '9.1.2',
      group: '9.1',
      title: "Ensure 'SMB protocol version' is Set to 'SMB 3.1.1' or Higher for SMB file shares",
      url: URL,
    },
    {
      id: '9.1.3',
      group: '9.1',
      title: "Ensure 'SMB channel encryption' is Set to 'AES-256-GCM' or Higher for SMB file shares",
      url: URL,
    },
    {
      id: '9.2.1',
      group: '9.2',
      title: 'Ensure That Soft Delete for Blobs on Azure Blob Storage Storage Accounts is Enabled',
      url: URL,
    },
    {
      id: '9.2.2',
      group: '9.2',
      title: 'Ensure that Soft Delete for Containers on Azure Blob Storage Storage Accounts is Enabled',
      url: URL,
    },
    {
      id: '9.2.3',
      group: '9.2',
      title: "Ensure 'Versioning' is Set to 'Enabled' on Azure Blob Storage Storage Accounts",
      url: URL,
    },
    {
      id: '9.3.1.1',
      group: '9.3',
      title: "Ensure That 'Enable key rotation reminders' is Enabled for Each Storage Account",
      url: URL,
    },
    {
      id: '9.3.1.2',
      group: '9.3',
      title: 'Ensure That Storage Account Access keys are Periodically Regenerated',
      url: URL,
      notAssertable:
        'Regenerating access keys is an operation done over time; configuration shows the rotation reminder (9.3.1.1), never when keys were last regenerated.',
    },
    {
      id: '9.3.1.3',
      group: '9.3',
      title: "Ensure 'Allow storage account key access' for Azure Storage Accounts is 'Disabled'",
      url: URL,
    },
    {
      id: '9.3.2.1',
      group: '9.3',
      title: 'Ensure Private Endpoints are Used to Access Storage Accounts',
      url: URL,
    },
    {
      id: '9.3.2.2',
      group: '9.3',
      title: "Ensure that 'Public Network Access' is 'Disabled' for Storage Accounts",
      url: URL,
    },
    {
      id: '9.3.2.3',
      group: '9.3',
      title: 'Ensure Default Network Access Rule for Storage Accounts is Set to Deny',
      url: URL,
    },
    {
      id: '9.3.3.1',
      group: '9.3',
      title: "Ensure that 'Default to Microsoft Entra authorization in the Azure portal' is Set to 'Enabled'",
      url: URL,
    },
    {
      id: '9.3.4',
      group: '9.3',
      title: "Ensure that 'Secure transfer required' is Set to 'Enabled'",
      url: URL,
    },
    {
      id: '9.3.5',
      group: '9.3',
      title:
        "Ensure 'Allow trusted Microsoft services to access this resource' is Enabled for Storage Account Access",
      url: URL,
    },
    {
      id: '9.3.6',
      group: '9.3',
      title: "Ensure the 'Minimum TLS version' for Storage Accounts is Set to 'Version 1.2'",
      url: URL,
    },
    {
      id: '9.3.7',
      group: '9.3',
      title: "Ensure 'Cross Tenant Replication' is Not Enabled",
      url: URL,
    },
    {
      id: '9.3.8',
      group: '9.3',
      title: "Ensure that 'Allow Blob Anonymous Access' is Set to 'Disabled'",
      url: URL,
    },
    {
      id: '9.3.9',
      group: '9.3',
      title: 'Ensure Azure Resource Manager Delete Locks are Applied to Azure Storage Accounts',
      url: URL,
    },
    {
      id: '9.3.10',
      group: '9.3',
      title: 'Ensure Azure Resource Manager ReadOnly Locks are Considered for Azure Storage Accounts',
      url: URL,
      notAssertable:
        'The benchmark asks that ReadOnly locks be considered, a judgement weighed against their side effects (they block listing keys); no configuration shows the weighing.',
    },
    {
      id: '9.3.11',
      group: '9.3',
      title: "Ensure Redundancy is Set to 'geo-redundant storage (GRS)' on Critical Azure Storage Accounts",
      url: URL,
    },
  ],
});
