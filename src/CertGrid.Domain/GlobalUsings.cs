global using Orleans;
// Orleans has its own ErrorCode enum; ours is the one clients see.
global using ErrorCode = CertGrid.Domain.Errors.ErrorCode;
