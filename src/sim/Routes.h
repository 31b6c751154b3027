// Route registration entry points, one per API area.
#pragma once

namespace zsim {

class SimCore;

void registerAuthRoutes(SimCore &core);        // AuthRoutes.cpp
void registerZiaSessionRoutes(SimCore &core);  // ZiaSessionRoutes.cpp
void registerZiaRoutes(SimCore &core);         // ZiaRoutes.cpp
void registerZidRoutes(SimCore &core);         // ZidRoutes.cpp
void registerMiscRoutes(SimCore &core);        // MiscRoutes.cpp: SaaS incidents, AppTotal, Sandbox
void registerControlRoutes(SimCore &core);     // ControlRoutes.cpp

} // namespace zsim
