namespace Governance.Contracts;
