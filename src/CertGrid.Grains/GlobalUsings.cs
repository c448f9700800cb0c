global using CertGrid.Domain.Errors;
global using CertGrid.Domain.Tenancy;
global using Microsoft.Extensions.Logging;
global using Orleans;
global using Orleans.Concurrency;
global using Orleans.Runtime;
global using ErrorCode = CertGrid.Domain.Errors.ErrorCode;
