global using CertGrid.Domain.Tenancy;
global using Orleans;
global using Orleans.Runtime;
global using ErrorCode = CertGrid.Domain.Errors.ErrorCode;
