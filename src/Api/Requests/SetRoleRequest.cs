using Governance.Contracts.Cooperatives;

namespace Governance.Api.Requests;

public sealed record SetRoleRequest(MemberRole? Role);
