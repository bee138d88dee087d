import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health': { paramsTuple?: []; params?: {} }
    'openapi': { paramsTuple?: []; params?: {} }
    'auth.session.create': { paramsTuple?: []; params?: {} }
    'auth.token.create': { paramsTuple?: []; params?: {} }
    'auth.session.destroy': { paramsTuple?: []; params?: {} }
    'auth.token.destroy': { paramsTuple?: []; params?: {} }
    'me': { paramsTuple?: []; params?: {} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.users.store': { paramsTuple?: []; params?: {} }
    'admin.users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.unlock': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.organisations.tree': { paramsTuple?: []; params?: {} }
    'admin.organisations.store': { paramsTuple?: []; params?: {} }
    'admin.organisations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audit.events.index': { paramsTuple?: []; params?: {} }
    'audit.events.export': { paramsTuple?: []; params?: {} }
    'audit.verify': { paramsTuple?: []; params?: {} }
    'spa': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  GET: {
    'health': { paramsTuple?: []; params?: {} }
    'openapi': { paramsTuple?: []; params?: {} }
    'me': { paramsTuple?: []; params?: {} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.organisations.tree': { paramsTuple?: []; params?: {} }
    'audit.events.index': { paramsTuple?: []; params?: {} }
    'audit.events.export': { paramsTuple?: []; params?: {} }
    'audit.verify': { paramsTuple?: []; params?: {} }
    'spa': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  HEAD: {
    'health': { paramsTuple?: []; params?: {} }
    'openapi': { paramsTuple?: []; params?: {} }
    'me': { paramsTuple?: []; params?: {} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.organisations.tree': { paramsTuple?: []; params?: {} }
    'audit.events.index': { paramsTuple?: []; params?: {} }
    'audit.events.export': { paramsTuple?: []; params?: {} }
    'audit.verify': { paramsTuple?: []; params?: {} }
    'spa': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  POST: {
    'auth.session.create': { paramsTuple?: []; params?: {} }
    'auth.token.create': { paramsTuple?: []; params?: {} }
    'auth.token.destroy': { paramsTuple?: []; params?: {} }
    'admin.users.store': { paramsTuple?: []; params?: {} }
    'admin.users.unlock': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.organisations.store': { paramsTuple?: []; params?: {} }
  }
  DELETE: {
    'auth.session.destroy': { paramsTuple?: []; params?: {} }
  }
  PATCH: {
    'admin.users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.organisations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}